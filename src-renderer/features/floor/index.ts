export { AgentsScreen } from './components/AgentsScreen';
export { AtRiskScreen } from './components/AtRiskScreen';
export { FloorScreen } from './components/FloorScreen';
export { StatusToggle } from './components/StatusToggle';
