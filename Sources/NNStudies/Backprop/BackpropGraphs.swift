import NNEngine
import NNEvents

/// The notes' computational graphs (§4 of worked-examples.md), run through the engine's
/// ``MultiplyNode`` and ``AddNode``: forward values and the gradient of the output with respect
/// to every variable, as scalars `value/<variable>` and `grad/<variable>`.
enum BackpropGraphs {
    static let apples = "backprop/graph-apples"
    static let fruit = "backprop/graph-fruit"
    static let sumProduct = "backprop/graph-sum-product"

    static func events() -> [Event] {
        var out: [Event] = []
        out += run(apples, "2 apples at 100 each, tax 1.1", applesGraph())
        out += run(fruit, "2 apples at 100 and 3 mandarins at 150, tax 1.1", fruitGraph())
        out += run(sumProduct, "e = (a + b)(b + 1) at a = 2, b = 1", sumProductGraph())
        return out
    }

    /// A graph's run: `run_start`, one scalar per (kind, variable), `run_end`.
    static func run(_ name: String, _ dataset: String, _ values: [(String, Double)]) -> [Event] {
        [BackpropExamples.start(name, layers: [], dataset: dataset)]
            + values.map { .scalar(ScalarEvent(run: name, name: $0.0, step: 0, value: $0.1)) }
            + [.runEnd(RunEnd(run: name, status: "completed", step: 0))]
    }

    /// total = (apple price × count) × tax.
    static func applesGraph() -> [(String, Double)] {
        var mulApple = MultiplyNode(), mulTax = MultiplyNode()
        let (price, count, tax) = (100.0, 2.0, 1.1)
        let cost = mulApple.forward(price, count)
        let total = mulTax.forward(cost, tax)
        let (dCost, dTax) = mulTax.backward(1)
        let (dPrice, dCount) = mulApple.backward(dCost)
        return [("value/apple_price", price), ("value/apple_count", count), ("value/tax", tax), ("value/apples_cost", cost),
                ("value/total", total), ("grad/total", 1), ("grad/apples_cost", dCost), ("grad/tax", dTax),
                ("grad/apple_price", dPrice), ("grad/apple_count", dCount)]
    }

    /// total = (apple price × apples + mandarin price × mandarins) × tax.
    static func fruitGraph() -> [(String, Double)] {
        var mulApple = MultiplyNode(), mulMandarin = MultiplyNode(), mulTax = MultiplyNode()
        let add = AddNode()
        let (applePrice, appleCount, mandarinPrice, mandarinCount, tax) = (100.0, 2.0, 150.0, 3.0, 1.1)
        let apples = mulApple.forward(applePrice, appleCount), mandarins = mulMandarin.forward(mandarinPrice, mandarinCount)
        let subtotal = add.forward(apples, mandarins)
        let total = mulTax.forward(subtotal, tax)
        let (dSubtotal, dTax) = mulTax.backward(1)
        let (dApples, dMandarins) = add.backward(dSubtotal)
        let (dApplePrice, dAppleCount) = mulApple.backward(dApples)
        let (dMandarinPrice, dMandarinCount) = mulMandarin.backward(dMandarins)
        return [("value/apple_price", applePrice), ("value/apple_count", appleCount), ("value/mandarin_price", mandarinPrice),
                ("value/mandarin_count", mandarinCount), ("value/tax", tax), ("value/apples_cost", apples),
                ("value/mandarins_cost", mandarins), ("value/subtotal", subtotal), ("value/total", total), ("grad/total", 1),
                ("grad/subtotal", dSubtotal), ("grad/tax", dTax), ("grad/apples_cost", dApples), ("grad/mandarins_cost", dMandarins),
                ("grad/apple_price", dApplePrice), ("grad/apple_count", dAppleCount), ("grad/mandarin_price", dMandarinPrice),
                ("grad/mandarin_count", dMandarinCount)]
    }

    /// e = c·d with c = a + b and d = b + 1: b feeds both sums, so its two gradients add.
    static func sumProductGraph() -> [(String, Double)] {
        let addC = AddNode(), addD = AddNode()
        var mul = MultiplyNode()
        let (a, b, one) = (2.0, 1.0, 1.0)
        let c = addC.forward(a, b), d = addD.forward(b, one)
        let e = mul.forward(c, d)
        let (dc, dd) = mul.backward(1)
        let (da, dbViaC) = addC.backward(dc)
        let (dbViaD, dOne) = addD.backward(dd)
        return [("value/a", a), ("value/b", b), ("value/one", one), ("value/c", c), ("value/d", d), ("value/e", e), ("grad/e", 1),
                ("grad/c", dc), ("grad/d", dd), ("grad/a", da), ("grad/b_via_c", dbViaC), ("grad/b_via_d", dbViaD),
                ("grad/one", dOne), ("grad/b", dbViaC + dbViaD)]
    }
}
