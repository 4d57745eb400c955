export { SyncIndicator, useSyncStatus } from './components/SyncIndicator';
export { Notifications } from './components/Notifications';
export { DeviceWipedNotice } from './components/DeviceWipedNotice';
export { ServerAddressNotice } from './components/ServerAddressNotice';
