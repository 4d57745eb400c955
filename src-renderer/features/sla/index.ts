export { SlaPanel } from './components/SlaPanel';
export { slaPanelModel, slaTimelineFor } from './slaView';
