import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidatedBy, type ApiInput, type ApiOutput, type MethodName } from '@shared/api/contract';
import { api } from './client';

/**
 * A mutation calling one API method. After a success the queries of the methods the contract says
 * it `invalidates` are refreshed (queries are keyed by their method name first), so no page has
 * to remember which other pages show the data it changed.
 */
export function useApiMutation<M extends MethodName, V = ApiInput<M>>(
  method: M,
  options: {
    /** The method's input from the mutation's variables, when a page passes less than the whole input. */
    input?: (variables: V) => ApiInput<M>;
    onSuccess?: (output: ApiOutput<M>) => void;
    onError?: (error: Error) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const call = api[method] as (input: ApiInput<M>) => Promise<ApiOutput<M>>;
  return useMutation({
    mutationFn: (variables: V) => call(options.input ? options.input(variables) : (variables as unknown as ApiInput<M>)),
    onSuccess: (output) => {
      for (const query of invalidatedBy(method)) void queryClient.invalidateQueries({ queryKey: [query] });
      options.onSuccess?.(output);
    },
    onError: options.onError,
  });
}
