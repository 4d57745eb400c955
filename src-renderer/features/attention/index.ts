export { AttentionScreen } from './components/AttentionScreen';
export { useAttentionCount } from './hooks/useAttention';
