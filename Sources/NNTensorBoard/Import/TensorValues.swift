import Foundation

/// The numbers of a `TensorProto` of floating-point or integer type, as doubles, with its shape.
struct TensorValues {
    /// The largest number of elements accepted (a histogram of a million buckets).
    static let maximumElements = 3 << 20
    var shape: [Int]
    var values: [Double]

    /// The tensor's values, from `tensor_content` (little-endian, packed) or the typed `*_val` fields (one value
    /// stands for all, as TensorFlow's `make_ndarray` reads it).
    init(_ t: Tensorboard_TensorProto) throws(TensorProblem) {
        if t.tensorShape.unknownRank { throw .shape("unknown rank") }
        var shape: [Int] = [], count = 1
        for d in t.tensorShape.dim {
            guard d.size >= 0, d.size <= Int64(Self.maximumElements) else { throw .shape("dimension \(d.size)") }
            count *= Int(d.size)
            guard count <= Self.maximumElements else { throw .shape("more than \(Self.maximumElements) elements") }
            shape.append(Int(d.size))
        }
        self.shape = shape
        let content = t.tensorContent
        let width: Int
        switch t.dtype {
        case .dtFloat, .dtInt32: width = 4
        case .dtDouble, .dtInt64: width = 8
        default: throw .dtype("\(t.dtype)")
        }
        if !content.isEmpty {
            guard content.count == count * width else { throw .shape("\(content.count) bytes of content for \(count) elements of \(width) bytes") }
            values = Self.unpack(content, dtype: t.dtype, count: count)
            return
        }
        let typed: [Double] = switch t.dtype {
        case .dtFloat: t.floatVal.map(Double.init)
        case .dtDouble: t.doubleVal
        case .dtInt32: t.intVal.map(Double.init)
        default: t.int64Val.map(Double.init)
        }
        if typed.count == count {
            values = typed
        } else if let only = typed.last, typed.count < count {
            values = typed + [Double](repeating: only, count: count - typed.count)
        } else if count == 0 {
            values = []
        } else {
            throw .shape("\(typed.count) values for \(count) elements")
        }
    }

    private static func unpack(_ content: Data, dtype: Tensorboard_DataType, count: Int) -> [Double] {
        content.withUnsafeBytes { b in
            (0..<count).map { k -> Double in
                switch dtype {
                case .dtFloat: Double(Float(bitPattern: UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))))
                case .dtDouble: Double(bitPattern: UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)))
                case .dtInt32: Double(Int32(littleEndian: b.loadUnaligned(fromByteOffset: 4 * k, as: Int32.self)))
                default: Double(Int64(littleEndian: b.loadUnaligned(fromByteOffset: 8 * k, as: Int64.self)))
                }
            }
        }
    }
}

/// Why a tensor's values could not be taken.
enum TensorProblem: Error, Equatable, CustomStringConvertible {
    case dtype(String)
    case shape(String)

    var description: String {
        switch self {
        case .dtype(let d): "tensor of type \(d) (float, double, int32 and int64 are read)"
        case .shape(let s): "tensor shape or size: \(s)"
        }
    }
}
