//! Strongly connected components, shared by the validator (node graph) and the
//! analysis (state graph). Iterative, so a 100,000-node cycle cannot overflow the stack.

/// Tarjan's algorithm. Returns each vertex's component number; components are
/// numbered in reverse topological order (a component's successors have lower numbers).
pub fn scc(n: usize, succ: &dyn Fn(usize) -> Vec<usize>) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_comp = 0;
    // Call stack of (vertex, its successors, next successor to visit).
    let mut calls: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        calls.push((root, succ(root), 0));
        while let Some((v, succs, i)) = calls.last_mut() {
            let v = *v;
            if let Some(&w) = succs.get(*i) {
                *i += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, succ(w), 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some((parent, _, _)) = calls.last() {
                low[*parent] = low[*parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = next_comp;
                    if w == v {
                        break;
                    }
                }
                next_comp += 1;
            }
        }
    }
    comp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cycles_and_orders_components() {
        // 0 → 1 → 2 → 1, 2 → 3
        let edges = [vec![1], vec![2], vec![1, 3], vec![]];
        let c = scc(4, &|v| edges[v].clone());
        assert_eq!(c[1], c[2]);
        assert_ne!(c[0], c[1]);
        assert!(c[3] < c[1] && c[1] < c[0], "{c:?}");
    }

    #[test]
    fn a_long_cycle_does_not_overflow() {
        let n = 100_000;
        let c = scc(n, &|v| vec![(v + 1) % n]);
        assert!(c.iter().all(|&x| x == c[0]));
    }
}
