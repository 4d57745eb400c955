export { startServer, openDatabase } from './startServer';
export type { ServerOptions, RunningServer } from './startServer';
export type { Deliverer, DeliveryOutcome } from './outbound/deliverer';
export { webhookDeliverer } from './outbound/webhookDeliverer';
export { resetEpoch, compactChangeLog } from './sync/epoch';
