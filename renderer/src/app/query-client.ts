import { QueryClient } from '@tanstack/react-query';

/**
 * Everything comes from the local core, so there is no network to retry against: a failure is
 * shown at once, and data is refreshed by explicit invalidation after each change.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
    mutations: { retry: false },
  },
});
