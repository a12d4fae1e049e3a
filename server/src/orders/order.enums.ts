import { Delivery, Formulation, LiquidVehicle, OrderKind, OrderState, Payment, RejectionCode } from '@ldn/db';
import { registerEnumType } from 'type-graphql';

registerEnumType(OrderState, {
  name: 'OrderState',
  description: 'workflows.md: an order from DRAFT to DISPENSED.',
});
registerEnumType(OrderKind, { name: 'OrderKind' });
registerEnumType(Formulation, { name: 'Formulation' });
registerEnumType(LiquidVehicle, {
  name: 'LiquidVehicle',
  description: 'Sets a liquid’s USP <795> beyond-use category.',
});
registerEnumType(Payment, { name: 'Payment' });
registerEnumType(Delivery, { name: 'Delivery' });
registerEnumType(RejectionCode, {
  name: 'RejectionCode',
  description: 'Why a pharmacy rejected an order (labels: the rules package’s REJECTION_REASONS).',
});

export { Delivery, Formulation, LiquidVehicle, OrderKind, OrderState, Payment, RejectionCode };
