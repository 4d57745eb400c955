export { SyncIndicator, useSyncStatus } from './components/SyncIndicator';
export { Notifications } from './components/Notifications';
