export { WorkflowPanel } from './components/WorkflowPanel';
