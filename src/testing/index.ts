/**
 * `phonemaze/testing`: drive your own IVR implementation through a flow's generated paths.
 *
 *   import { flowPaths } from 'phonemaze/testing';
 *   for (const path of flowPaths(flow)) it(path.description, () => path.test(adapter));
 */

export { loadFlow, loadFlowFile } from '../flow/load.js';
export type { CallerEvent } from '../machine/events.js';
export type { Coverage, ExpectationResult } from './expectations.js';
export { coverageOf, runExpectations } from './expectations.js';
export type { FlowPath, FlowPathOptions, FlowPathStep, IvrAdapter, Standing } from './model.js';
export { DeviationError, flowPaths } from './model.js';
export type { GeneratedPath } from './paths.js';
export { generatePaths, pathsAsYaml } from './paths.js';
