/**
 * The two ways a call ends that are no node of the flow. Every layer names them: the machine's
 * final states, the analysis' graph, the walker's way so far.
 */

/** The system ended the call after the caller's input errors ran out with no `then`. */
export const DISCONNECTED = '$disconnected';
/** The caller put the phone down. */
export const HUNG_UP = '$hungUp';
