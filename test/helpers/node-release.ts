// Node.js of another major than the one running the tests, for running the bundle as each
// Lambda runtime would: the same pinned releases the local stack runs its environments on.
export { NODE_RELEASES, nodeOfMajor, nodePackage } from '../../local/runtime/node-release.js';
