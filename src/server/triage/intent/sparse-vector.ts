// Sparse vector: feature indices (sorted ascending) with their values.
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}
