/// Fonts, sizes and colours of a figure. `.screen` is the default; `.print` fits one paper
/// column (89 mm) with text that stays legible at that size; `.slide` is a 16:9 slide.
public struct Theme: Sendable, Equatable {
    /// Font family for all text: its glyphs come first, and its ascent and descent set line heights.
    public var fontFamily = "DejaVu Sans"
    /// Families for the characters `fontFamily` lacks, tried in order (Pango falls back further, to
    /// whatever fontconfig finds, after these): Hangul from NanumGothic (`fonts-nanum`, what
    /// `make deps` installs) or Noto Sans CJK KR.
    public var fallbackFontFamilies = ["NanumGothic", "Noto Sans CJK KR"]
    /// Figure title size in points.
    public var titleSize = 12.0
    /// Axes title size.
    public var axesTitleSize = 10.5
    /// Axis label size.
    public var labelSize = 10.0
    /// Tick label and legend size.
    public var tickSize = 8.5
    /// Default line width in points.
    public var lineWidth = 1.5
    /// Axis and tick line width.
    public var axisWidth = 0.8
    /// Categorical colours, in order of use.
    public var palette: [Color] = Theme.okabeIto
    /// Background.
    public var background = Color.white
    /// Grid line colour.
    public var gridColor = Color(hex: "E5E5E5")
    /// Default width in points when a figure gives none.
    public var defaultWidth = 640.0
    /// Default height in points when a figure gives none.
    public var defaultHeight = 400.0

    /// A theme.
    public init() {}

    /// Okabe & Ito's colour-blind-safe palette (yellow last: weak on white).
    public static let okabeIto: [Color] = ["0072B2", "D55E00", "009E73", "E69F00", "CC79A7", "56B4E9", "000000", "F0E442"].map { Color(hex: $0) }

    /// For screens and the HTML report.
    public static let screen = Theme()

    /// One paper column (89 mm = 252 pt wide): small but legible text, thinner lines.
    public static let print: Theme = {
        var t = Theme()
        t.titleSize = 8.5; t.axesTitleSize = 8; t.labelSize = 7.5; t.tickSize = 6.5
        t.lineWidth = 1.0; t.axisWidth = 0.5
        t.defaultWidth = 252; t.defaultHeight = 180
        return t
    }()

    /// A 16:9 slide: large text readable from the back of a room.
    public static let slide: Theme = {
        var t = Theme()
        t.titleSize = 20; t.axesTitleSize = 17; t.labelSize = 16; t.tickSize = 14
        t.lineWidth = 2.5; t.axisWidth = 1.2
        t.defaultWidth = 960; t.defaultHeight = 540
        return t
    }()

    /// Every family, first choice first, as Pango reads a list.
    var fontFamilies: String { ([fontFamily] + fallbackFontFamilies).joined(separator: ",") }

    /// The palette colour for series `index` (cycling).
    public func color(_ index: Int) -> Color { palette[index % palette.count] }
}
