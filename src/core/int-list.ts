// Growable typed arrays, for lists gathered before their final size is known (index postings while building).

export class IntList {
  array = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.array.length) this.array = grown(this.array, 0);
    this.array[this.length++] = value;
  }
}

/** The same values in an array twice as long (or `atLeast` long), the new part filled with `fill`. */
export function grown(array: Int32Array, fill: number, atLeast = 0): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}
