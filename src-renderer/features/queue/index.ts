export { QueueScreen } from './components/QueueScreen';
