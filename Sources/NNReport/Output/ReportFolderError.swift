/// Why a report cannot be written where it was asked to go.
public enum ReportFolderError: Error, CustomStringConvertible {
    /// The output path exists and is a file.
    case notAFolder(String)
    /// The output folder holds files that are not an nnviz report.
    case notAReport(String)

    /// One line naming the path and what to do.
    public var description: String {
        switch self {
        case .notAFolder(let p): "\(p): exists and is not a folder; choose another --out"
        case .notAReport(let p): "\(p): the folder holds files that are not an nnviz report; choose an empty or new folder for --out"
        }
    }
}
