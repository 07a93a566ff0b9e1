import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** This computer's reviewer, or null until one is created. */
export function useMyReviewer() {
  return useQuery({ queryKey: ['getMyReviewer'], queryFn: () => api.getMyReviewer({}) });
}
