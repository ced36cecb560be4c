/// Marker shapes for lines, scatters and paths.
public enum MarkerShape: String, Sendable, CaseIterable {
    /// A filled disc.
    case circle
    /// A filled square.
    case square
    /// A filled diamond.
    case diamond
    /// A filled triangle pointing up.
    case triangle
    /// An upright cross, stroked.
    case plus
    /// A diagonal cross, stroked.
    case cross

    /// Draws the marker centred at (x, y) in points with radius `r`, in the current colour.
    func draw(at x: Double, _ y: Double, radius r: Double, on c: Canvas) {
        switch self {
        case .circle: c.circle(x, y, radius: r); c.fill(role: "marker")
        case .square: c.rectangle(Rect(x: x - r * 0.9, y: y - r * 0.9, width: 1.8 * r, height: 1.8 * r)); c.fill(role: "marker")
        case .diamond:
            c.moveTo(x, y - r * 1.2); c.lineTo(x + r, y); c.lineTo(x, y + r * 1.2); c.lineTo(x - r, y); c.closePath(); c.fill(role: "marker")
        case .triangle:
            c.moveTo(x, y - r * 1.15); c.lineTo(x + r, y + r * 0.75); c.lineTo(x - r, y + r * 0.75); c.closePath(); c.fill(role: "marker")
        case .plus:
            c.setLine(width: max(1, r / 2.5), dash: []); c.moveTo(x - r * 1.3, y); c.lineTo(x + r * 1.3, y)
            c.moveTo(x, y - r * 1.3); c.lineTo(x, y + r * 1.3); c.stroke(role: "marker")
        case .cross:
            c.setLine(width: max(1, r / 2.5), dash: []); c.moveTo(x - r, y - r); c.lineTo(x + r, y + r)
            c.moveTo(x - r, y + r); c.lineTo(x + r, y - r); c.stroke(role: "marker")
        }
    }
}

/// Dash patterns for lines.
public enum Dash: Sendable, Equatable {
    /// An unbroken line.
    case solid
    /// Long dashes.
    case dashed
    /// Dots.
    case dotted
    /// Alternating dashes and dots.
    case dashDot

    /// On and off lengths in multiples of the line width.
    var pattern: [Double] {
        switch self {
        case .solid: []
        case .dashed: [5, 3]
        case .dotted: [1.2, 2]
        case .dashDot: [5, 2, 1.2, 2]
        }
    }
}

/// The colour of item `index` from per-item colours (cycling), or `fallback` when there are none.
func cycledColor(_ colors: [Color]?, _ index: Int, fallback: Color) -> Color {
    guard let colors, !colors.isEmpty else { return fallback }
    return colors[index % colors.count]
}
