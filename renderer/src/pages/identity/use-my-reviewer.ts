import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * This computer's reviewer, or null until one is created. Asked again whenever a page that needs it
 * opens: the identity can also be created with `jigai reviewer create` on the same data folder, which
 * no mutation of this window invalidates.
 */
export function useMyReviewer() {
  return useQuery({ queryKey: ['getMyReviewer'], queryFn: () => api.getMyReviewer({}), staleTime: 0 });
}
