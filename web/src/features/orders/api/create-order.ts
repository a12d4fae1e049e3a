import { useMutation } from 'urql';
import { graphql, type VariablesOf } from '../../../graphql/index.ts';

/**
 * Creates a DRAFT order from a trial; the server computes its lines with the rules package. The
 * same idempotency key again (a double click, a retry) returns the order the first call made.
 */
export const CreateOrderMutation = graphql(`
  mutation CreateOrder($trialId: ID!, $input: OrderInput!, $idempotencyKey: String) {
    createOrder(trialId: $trialId, input: $input, idempotencyKey: $idempotencyKey) {
      id
      state
      version
    }
  }
`);

/** What the API takes as an order's prescription (create and edit alike). */
export type OrderInput = VariablesOf<typeof CreateOrderMutation>['input'];

// A trial page read before its first order holds no ClinicOrder to watch: name its type too.
const context = { additionalTypenames: ['Trial'] };

export const useCreateOrder = () => {
  const [result, createOrder] = useMutation(CreateOrderMutation);
  return [
    result,
    (variables: VariablesOf<typeof CreateOrderMutation>) => createOrder(variables, context),
  ] as const;
};
