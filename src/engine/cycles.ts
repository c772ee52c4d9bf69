// Cycle finding for dependency graphs (Tarjan's strongly connected components, iterative so a 50,000-task chain
// cannot overflow the stack). Each cycle is reported once, as a closed walk the user can follow: T03 → T05 → T03.

export function findCycles(ids: readonly string[], depsOf: (id: string) => readonly string[]): string[][] {
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
