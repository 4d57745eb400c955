export * from './facts';
export { checkStep, type StepRefusal } from './stepOrder';
