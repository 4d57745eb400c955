export { ReassignScreen } from './components/ReassignScreen';
export { useIsSupervisor } from './hooks/useSession';
