import COpenBLAS

/// Controls how many threads OpenBLAS uses for every product in this process.
public enum BLASThreads {
    /// Sets the OpenBLAS thread count. One thread is the engine's default: on the small
    /// shapes of these studies a second BLAS thread gains little on an idle machine and
    /// collapses when the other core is busy (see the benchmark notes in the README).
    public static func set(_ count: Int) { openblas_set_num_threads(Int32(max(1, count))) }
    /// The thread count OpenBLAS currently uses.
    public static var current: Int { Int(openblas_get_num_threads()) }
}
