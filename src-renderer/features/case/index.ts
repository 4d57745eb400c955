export { CaseScreen } from './components/CaseScreen';
export { threadItems } from './threadItems';
export { customerClock } from './customerClock';
