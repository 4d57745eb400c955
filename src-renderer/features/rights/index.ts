export { RightsPanel } from './components/RightsPanel';
export { rightsFor, clockInputFor, type RightsClock } from './rightsView';
