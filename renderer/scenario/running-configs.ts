/**
 * The trainee's work as config text, read in the simulation worker: sim-core's work-file
 * module, shared with `v6lab run`/`console`'s `~save` so both save the same work file.
 */
export { readRunningConfigs, withRunningConfigs } from '../../sim-core/lab/scenario/work-file';
