// Linux network namespaces for partition tests. Each node gets a namespace of its own, wired by a
// veth pair to a hub namespace holding two bridges, left and right, joined by a trunk link:
// nodes 0 and 1 hang on the left bridge, the others on the right. Taking a node's port down cuts
// that node off; taking the trunk down splits the network in two. Nothing is configured outside
// the namespaces made here (addresses 10.77.0.0/24 exist only inside them), and `destroy` removes
// them all. Needs root, as CI runs; `netnsUnavailable` says why a machine cannot.

import { execFileSync } from 'node:child_process';

/** The first three octets of the nodes' addresses. */
const SUBNET = '10.77.0';

function ip(...args) {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Why this machine cannot make network namespaces, or `undefined` if it can. */
export function netnsUnavailable() {
  if (process.platform !== 'linux') return 'network namespaces are Linux-only';
  const probe = `seoul-probe-${process.pid}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return undefined;
  } catch (error) {
    return `cannot create a network namespace (root and iproute2 needed): ${error.stderr?.toString().trim() || error.message}`;
  }
}

/**
 * Creates the namespaces of `count` nodes and their hub. Returns each node's namespace and
 * address, and the switches: `cut(i)`/`heal(i)` take node `i` off the network and back,
 * `split()`/`join()` separate the left nodes from the right ones and rejoin them.
 */
export function createNetwork(count) {
  const prefix = `seoul-${process.pid}`;
  const hub = `${prefix}-hub`;
  const nodes = Array.from({ length: count }, (_, index) => ({
    namespace: `${prefix}-n${index}`,
    address: `${SUBNET}.${index + 1}`,
    port: `port${index}`,
  }));
  const created = [];
  const destroy = () => {
    for (const namespace of created.reverse()) {
      try {
        ip('netns', 'del', namespace);
      } catch {
        // Already gone.
      }
    }
  };
  try {
    ip('netns', 'add', hub);
    created.push(hub);
    for (const bridge of ['left', 'right']) {
      ip('-n', hub, 'link', 'add', bridge, 'type', 'bridge');
      ip('-n', hub, 'link', 'set', bridge, 'up');
    }
    ip('-n', hub, 'link', 'add', 'trunk-l', 'type', 'veth', 'peer', 'name', 'trunk-r');
    ip('-n', hub, 'link', 'set', 'trunk-l', 'master', 'left', 'up');
    ip('-n', hub, 'link', 'set', 'trunk-r', 'master', 'right', 'up');
    nodes.forEach(({ namespace, address, port }, index) => {
      ip('netns', 'add', namespace);
      created.push(namespace);
      ip('-n', hub, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', namespace);
      ip('-n', hub, 'link', 'set', port, 'master', index < 2 ? 'left' : 'right', 'up');
      ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
      ip('-n', namespace, 'link', 'set', 'eth0', 'up');
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
    });
  } catch (error) {
    destroy();
    throw error;
  }
  const link = (name, state) => ip('-n', hub, 'link', 'set', name, state);
  return {
    nodes,
    cut: (index) => link(nodes[index].port, 'down'),
    heal: (index) => link(nodes[index].port, 'up'),
    split: () => link('trunk-l', 'down'),
    join: () => link('trunk-l', 'up'),
    destroy,
  };
}
