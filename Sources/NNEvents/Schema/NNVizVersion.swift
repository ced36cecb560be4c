/// The nnviz version, written into events (`producer`), figures and reports.
public enum NNVizVersion {
    /// The version string.
    public static let string = "0.1.0"
}
