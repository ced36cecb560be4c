/// An sRGB colour with alpha, components in [0, 1].
public struct Color: Equatable, Hashable, Sendable {
    /// The components in [0, 1] (alpha 1 is opaque).
    public var red, green, blue, alpha: Double

    /// A colour from components in [0, 1].
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from a hex string like `0072B2` or `#0072B2`; black when malformed.
    public init(hex: String, alpha: Double = 1) {
        let h = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let v = UInt32(h, radix: 16) ?? 0
        self.init(red: Double((v >> 16) & 0xFF) / 255, green: Double((v >> 8) & 0xFF) / 255, blue: Double(v & 0xFF) / 255, alpha: alpha)
    }

    /// The same colour with another alpha.
    public func opacity(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    /// `#rrggbb`.
    public var hex: String {
        func c(_ v: Double) -> String {
            let s = String(Int((min(max(v, 0), 1) * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + c(red) + c(green) + c(blue)
    }

    /// Black.
    public static let black = Color(red: 0, green: 0, blue: 0)
    /// White.
    public static let white = Color(red: 1, green: 1, blue: 1)
    /// A mid grey (`#777777`), the default of reference lines.
    public static let grey = Color(hex: "777777")
    /// A light grey (`#DDDDDD`).
    public static let lightGrey = Color(hex: "DDDDDD")
    /// Okabe & Ito's vermillion (`#D55E00`), a red readable by colour-blind viewers.
    public static let red = Color(hex: "D55E00")
}

/// A continuous colour map: viridis or cividis (both perceptually uniform and readable by
/// colour-blind viewers and in greyscale).
public enum ColorMap: String, Sendable, CaseIterable {
    /// Dark blue through green to yellow.
    case viridis
    /// Dark blue through grey to yellow, for viewers with any colour vision.
    case cividis

    private var table: [Color] {
        let s = Array((self == .viridis ? ColorMapData.viridis : ColorMapData.cividis).utf8)
        func byte(_ i: Int) -> Double {
            func nib(_ c: UInt8) -> Int { Int(c >= 97 ? c - 87 : c - 48) }
            return Double(nib(s[i]) * 16 + nib(s[i + 1])) / 255
        }
        return (0..<256).map { Color(red: byte($0 * 6), green: byte($0 * 6 + 2), blue: byte($0 * 6 + 4)) }
    }

    private static let viridisTable = ColorMap.viridis.table
    private static let cividisTable = ColorMap.cividis.table

    /// The colour at `t` in [0, 1] (clamped; NaN gives grey).
    public func color(at t: Double) -> Color {
        guard t.isFinite else { return .grey }
        let tab = self == .viridis ? Self.viridisTable : Self.cividisTable
        return tab[Int((min(max(t, 0), 1) * 255).rounded())]
    }
}
