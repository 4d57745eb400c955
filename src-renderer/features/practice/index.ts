export { PracticeScreen } from './components/PracticeScreen';
