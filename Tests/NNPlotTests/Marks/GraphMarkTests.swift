import NNPlot
import XCTest

/// The graph mark: nodes and labelled edges in data coordinates, with the axes' frame hidden.
final class GraphMarkTests: XCTestCase {
    typealias Node = GraphMark.Node
    typealias Edge = GraphMark.Edge
    let red = Color(hex: "D55E00")

    /// The notes' apple graph: 2 apples at 100, tax 1.1, values above the edges, gradients below.
    func appleGraph() -> Figure {
        let nodes = [Node("price", x: 0, y: 1, label: "apple price", shape: .plain), Node("count", x: 0, y: 0, label: "apples", shape: .plain),
                     Node("mul1", x: 3, y: 1, label: "×"), Node("tax", x: 3, y: 0, label: "tax", shape: .plain),
                     Node("mul2", x: 6, y: 1, label: "×"), Node("total", x: 8.6, y: 1, label: "total", shape: .plain)]
        let edges = [Edge("price", "mul1", above: "100", below: "2.2"), Edge("count", "mul1", above: "2", below: "110"),
                     Edge("mul1", "mul2", above: "200", below: "1.1"), Edge("tax", "mul2", above: "1.1", below: "200"),
                     Edge("mul2", "total", above: "220", below: "1")]
        var a = Axes(title: "apples", xLimits: -0.9...9.3, yLimits: -0.45...1.45, grid: false, legend: false)
        a.frame = false
        a.marks = [.graph(GraphMark(nodes: nodes, edges: edges, belowColor: red, fontSize: 14))]
        return Figure(title: "Computational graph", width: 860, height: 330, axes: [a])
    }

    func testExtentCoversEveryNodeAndItsPadding() throws {
        let graph = GraphMark(nodes: [Node("a", x: 0, y: 0, label: "a"), Node("b", x: 4, y: 2, label: "b")], edges: [Edge("a", "b")],
                              padding: 0.5)
        let items = try panel([.graph(graph)], legend: false).layout()
        assertRange(try LayoutReader.limits(items, axis: "x"), -0.5...4.5)
        assertRange(try LayoutReader.limits(items, axis: "y"), -0.5...2.5)
    }

    func testEveryLabelIsDrawnInItsRoleAndColour() throws {
        let graph = GraphMark(nodes: [Node("x", x: 0, y: 0, label: "x", shape: .plain, note: "∂L/∂x = 3"),
                                      Node("f", x: 3, y: 0, label: "f", shape: .box, detail: "f = x²")],
                              edges: [Edge("x", "f", above: "1.5", below: "3")], belowColor: red)
        var a = Axes(grid: false, legend: false, marks: [.graph(graph)])
        a.frame = false
        let texts = try Figure(width: 400, height: 200, axes: [a]).layout().filter { $0.kind == "text" }
        func drawn(_ role: String) -> [DrawnItem] { texts.filter { $0.role == role } }
        XCTAssertEqual(drawn("node-label").compactMap(\.text).sorted(), ["f", "x"])
        XCTAssertEqual(drawn("node-detail").compactMap(\.text), ["f = x²"])
        XCTAssertEqual(drawn("node-note").compactMap(\.text), ["∂L/∂x = 3"])
        XCTAssertEqual(drawn("node-note").map(\.color), [red], "notes are in the lower labels' colour")
        XCTAssertEqual(drawn("edge-label-above").compactMap(\.text), ["1.5"])
        XCTAssertEqual(drawn("edge-label-above").map(\.color), [.black])
        XCTAssertEqual(drawn("edge-label-below").compactMap(\.text), ["3"])
        XCTAssertEqual(drawn("edge-label-below").map(\.color), [red])
        // Above is above (smaller y on the page), below is below, both off the horizontal edge.
        let above = try XCTUnwrap(drawn("edge-label-above").first?.bounds), below = try XCTUnwrap(drawn("edge-label-below").first?.bounds)
        XCTAssertLessThan(above.maxY, below.y)
    }

    func testAppleGraphDrawsEveryLabelWithoutOverlaps() throws {
        let items = try appleGraph().layout()
        let plot = try LayoutReader.plot(items)
        let labels = items.filter { $0.kind == "text" && ($0.role.hasPrefix("edge-label") || $0.role.hasPrefix("node-")) }
        XCTAssertEqual(labels.filter { $0.role == "edge-label-above" }.compactMap(\.text), ["100", "2", "200", "1.1", "220"])
        XCTAssertEqual(labels.filter { $0.role == "edge-label-below" }.compactMap(\.text), ["2.2", "110", "1.1", "200", "1"])
        XCTAssertEqual(labels.filter { $0.role == "node-label" }.compactMap(\.text), ["apple price", "apples", "×", "tax", "×", "total"])
        for l in labels { XCTAssertTrue(plot.contains(l.bounds), "\(l.text ?? "") at \(l.bounds) leaves the plot \(plot)") }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] {
                XCTAssertFalse(a.bounds.intersects(b.bounds), "'\(a.text ?? "")' \(a.bounds) overlaps '\(b.text ?? "")' \(b.bounds)")
            }
        }
        // No edge label covers a node's circle.
        let circles = items.filter { $0.clip == plot && $0.kind == "fill" && $0.role == "mark" && abs($0.bounds.width - $0.bounds.height) < 0.01 }
        XCTAssertEqual(circles.count, 2, "the two × nodes")
        for l in labels where l.role.hasPrefix("edge-label") {
            for c in circles { XCTAssertFalse(l.bounds.intersects(c.bounds), "'\(l.text ?? "")' covers a node") }
        }
    }

    func testHiddenFrameDrawsNoSpinesTicksOrGrid() throws {
        let items = try appleGraph().layout()
        for role in ["spine", "tick", "tick-label-x", "tick-label-y", "grid"] {
            XCTAssertTrue(items.filter { $0.role == role }.isEmpty, "\(role) drawn with the frame hidden")
        }
        XCTAssertEqual(items.filter { $0.role == "axes-title" }.compactMap(\.text), ["apples"], "the title stays")
        var framed = appleGraph()
        framed.axes[0].frame = true
        XCTAssertFalse(try framed.layout().filter { $0.role == "spine" }.isEmpty)
    }

    func testLegendRowNamesTheLowerLabels() throws {
        let graph = GraphMark(nodes: [Node("a", x: 0, y: 0, label: "a"), Node("b", x: 1, y: 0, label: "b")], edges: [Edge("a", "b", below: "1")],
                              belowColor: red, legendLabel: "gradient")
        let items = try panel([.graph(graph)]).layout()
        XCTAssertEqual(LayoutReader.legendLabels(items), ["gradient"])
        XCTAssertEqual(LayoutReader.legendSwatches(items).map(\.color), [red])
        XCTAssertTrue(try panel([.graph(GraphMark(nodes: graph.nodes, edges: graph.edges))]).layout().filter { $0.role == "legend" }.isEmpty)
    }

    func testSlantedEdgeLabelsSitClearOnEitherSide() throws {
        // A rising 45° edge: the upper label lies wholly up-left of it, the lower one down-right.
        let graph = GraphMark(nodes: [Node("a", x: 0, y: 0, label: "a"), Node("b", x: 2, y: 2, label: "b")],
                              edges: [Edge("a", "b", above: "above", below: "below the edge")])
        var a = Axes(xLimits: -1...3, yLimits: -1...3, grid: false, legend: false, marks: [.graph(graph)])
        a.frame = false
        let items = try Figure(width: 300, height: 300, axes: [a]).layout()
        let plot = try LayoutReader.plot(items)
        // Signed distance of a canvas point from the edge's line (through the plot's centre, up-right on the page).
        func side(_ x: Double, _ y: Double) -> Double {
            let dx = x - (plot.x + plot.width / 2), dy = y - (plot.y + plot.height / 2)
            let (ux, uy) = (plot.width, -plot.height)
            return (ux * dy - uy * dx) / hypot(ux, uy)
        }
        func corners(_ b: Rect) -> [Double] { [side(b.x, b.y), side(b.maxX, b.y), side(b.x, b.maxY), side(b.maxX, b.maxY)] }
        let above = try XCTUnwrap(items.first { $0.role == "edge-label-above" }?.bounds)
        let below = try XCTUnwrap(items.first { $0.role == "edge-label-below" }?.bounds)
        XCTAssertLessThan(corners(above).max() ?? 0, -3, "the upper label clears the edge by 3 points")
        XCTAssertGreaterThan(corners(below).min() ?? 0, 3, "the lower label clears the edge by 3 points")
        XCTAssertFalse(above.intersects(below))
    }

    func testGraphValidatesItself() {
        let a = Node("a", x: 0, y: 0, label: "a")
        let bad: [(GraphMark, String)] = [
            (GraphMark(nodes: [a, a], edges: []), "graph has two nodes 'a'"),
            (GraphMark(nodes: [a], edges: [Edge("a", "z")]), "graph edge a → z names a missing node"),
            (GraphMark(nodes: [a], edges: [Edge("a", "a")]), "graph edge a → a is a loop"),
            (GraphMark(nodes: [Node("n", x: .nan, y: 0, label: "n")], edges: []), "graph node 'n' is not at a finite position"),
        ]
        for (graph, message) in bad {
            XCTAssertThrowsError(try panel([.graph(graph)]).layout()) { e in
                XCTAssertEqual("\(e)", "invalid figure: axes 1 (untitled): \(message)")
            }
        }
    }
}
