// Cycle finding for dependency graphs (Tarjan's strongly connected components, iterative so a 50,000-task chain
// cannot overflow the stack). Each cycle is reported once, as a closed walk the user can follow: T03 → T05 → T03.

export function findCycles(ids: readonly string[], depsOf: (id: string) => readonly string[]): string[][] {
  if (isAcyclic(ids, depsOf)) return [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const known = new Set(ids);

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const deps = depsOf(frame.id);
      if (frame.next < deps.length) {
        const dep = deps[frame.next++] as string;
        if (!known.has(dep)) continue;
        if (!index.has(dep)) {
          index.set(dep, counter);
          low.set(dep, counter++);
          stack.push(dep);
          onStack.add(dep);
          work.push({ id: dep, next: 0 });
        } else if (onStack.has(dep)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(dep) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && depsOf(frame.id).includes(frame.id);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((component) => cycleWalk(component, depsOf));
}

/** The shortest closed walk through one strongly connected component, from its first member in plan order. */
function cycleWalk(component: string[], depsOf: (id: string) => readonly string[]): string[] {
  const members = new Set(component);
  const start = component[component.length - 1] as string;
  // Breadth-first search along dependency edges, inside the component, for the shortest way back to `start`.
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const dep of depsOf(id)) {
      if (!members.has(dep)) continue;
      if (dep === start) {
        const path = [id];
        while (path[path.length - 1] !== start)
          path.push(previous.get(path[path.length - 1] as string) as string);
        return [...path.reverse(), start];
      }
      if (!previous.has(dep)) {
        previous.set(dep, id);
        queue.push(dep);
      }
    }
  }
  return [...component, start];
}

/**
 * Kahn's algorithm over indices: the common case (a valid plan) is answered with a few flat arrays, and the
 * allocation-heavy component search runs only when a cycle exists.
 */
function isAcyclic(ids: readonly string[], depsOf: (id: string) => readonly string[]): boolean {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) if (!index.has(ids[i] as string)) index.set(ids[i] as string, i);
  const waiting = new Int32Array(ids.length);
  const dependents: number[][] = [];
  for (let i = 0; i < ids.length; i++) {
    for (const dep of depsOf(ids[i] as string)) {
      const d = index.get(dep);
      if (d === undefined) continue;
      waiting[i] = (waiting[i] as number) + 1;
      const list = dependents[d];
      if (list) list.push(i);
      else dependents[d] = [i];
    }
  }
  const queue: number[] = [];
  for (let i = 0; i < ids.length; i++) if (waiting[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    for (const next of dependents[queue[head] as number] ?? []) {
      waiting[next] = (waiting[next] as number) - 1;
      if (waiting[next] === 0) queue.push(next);
    }
  }
  return queue.length === ids.length;
}
