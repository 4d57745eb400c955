export { QueueScreen } from './components/QueueScreen';
export { prefetchFirstPage } from './firstPage';
