export { GuidancePanel } from './components/GuidancePanel';
export { VerifiedMark } from './components/VerifiedMark';
export { pickLocalized, type PickedText } from './localizedText';
export { guidanceFor } from './guidanceView';
