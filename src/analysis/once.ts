/**
 * `compute` run once per key and remembered while the key lives: the analysis asks for a flow's
 * graph and facts from many rules, and none may pay for them twice.
 */
export function oncePer<Key extends object, Value>(
  compute: (key: Key) => Value,
): (key: Key) => Value {
  const remembered = new WeakMap<Key, Value>();
  return (key) => {
    if (remembered.has(key)) return remembered.get(key) as Value;
    const value = compute(key);
    remembered.set(key, value);
    return value;
  };
}
