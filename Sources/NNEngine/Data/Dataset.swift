import Foundation

/// A labelled classification data set: one row of features per sample and a class index.
public struct Dataset<Scalar: Real>: Sendable {
    /// A short name, e.g. `mnist5k`.
    public var name: String
    /// Features, one row per sample.
    public var x: Matrix<Scalar>
    /// Class index of each sample.
    public var labels: [Int]
    /// Number of classes.
    public var classes: Int

    /// A data set; throws when the label count or a label does not fit.
    public init(name: String, x: Matrix<Scalar>, labels: [Int], classes: Int) throws(ShapeError) {
        guard labels.count == x.rows else {
            throw ShapeError(context: "data set \(name) labels", expected: "\(x.rows) labels", actual: "\(labels.count)")
        }
        if let bad = labels.first(where: { !(0..<classes).contains($0) }) {
            throw ShapeError(context: "data set \(name) labels", expected: "classes in 0..<\(classes)", actual: "\(bad)")
        }
        self.name = name
        self.x = x
        self.labels = labels
        self.classes = classes
    }

    /// Number of samples.
    public var count: Int { labels.count }
    /// The targets as class indices.
    public var target: Target<Scalar> { .classes(labels) }

    /// The samples at `indices`.
    public func subset(_ indices: some Collection<Int>) -> Dataset {
        // Indices come from this data set, so the shapes always agree.
        Dataset(unchecked: name, x: x.gatherRows(indices), labels: indices.map { labels[$0] }, classes: classes)
    }

    init(unchecked name: String, x: Matrix<Scalar>, labels: [Int], classes: Int) {
        self.name = name; self.x = x; self.labels = labels; self.classes = classes
    }

    /// The data set in a seeded random order (MNIST files are sorted by class: shuffle before splitting).
    public func shuffled(seed: UInt64) -> Dataset {
        var rng = SeededGenerator(seed: seed, stream: "shuffle")
        var order = Array(0..<count)
        order.shuffle(using: &rng)
        return subset(order)
    }

    /// Train / validation / test parts by fractions (test and validation are taken from the
    /// end). Shuffle first when the order carries information.
    public func split(validation: Double, test: Double) throws(ModelError) -> (train: Dataset, validation: Dataset, test: Dataset) {
        guard validation >= 0, test >= 0, validation + test < 1 else {
            throw .invalidSetting("validation (\(validation)) and test (\(test)) fractions must be >= 0 and sum below 1")
        }
        let nTest = Int((Double(count) * test).rounded()), nVal = Int((Double(count) * validation).rounded())
        let nTrain = count - nTest - nVal
        return (subset(0..<nTrain), subset(nTrain..<(nTrain + nVal)), subset((nTrain + nVal)..<count))
    }

    /// Reads an images IDX file (n x h x w unsigned bytes, scaled to [0, 1]) and a labels IDX
    /// file (n unsigned bytes), raw or gzip, as MNIST and Fashion-MNIST ship them.
    public static func idx(images: String, labels: String, name: String = "idx") throws(DataError) -> Dataset {
        try idx(images: IDXArray.read(path: images), imagesFile: images, labels: IDXArray.read(path: labels), labelsFile: labels, name: name)
    }

    /// A data set from an images and a labels IDX array already read (the fuzz target's entry
    /// point); the file names are for errors.
    public static func idx(images img: IDXArray, imagesFile images: String, labels lab: IDXArray, labelsFile labels: String,
                           name: String = "idx") throws(DataError) -> Dataset {
        guard img.dimensions.count == 3 else {
            throw DataError(file: images, reason: "expected 3 dimensions (images x rows x cols), got \(img.dimensions.count) "
                            + "(\(img.dimensions)); is it a labels file?")
        }
        guard lab.dimensions.count == 1 else {
            throw DataError(file: labels, reason: "expected 1 dimension (labels), got \(lab.dimensions.count) (\(lab.dimensions)); is it an images file?")
        }
        guard img.dimensions[0] == lab.dimensions[0] else {
            throw DataError(file: labels, reason: "\(lab.dimensions[0]) labels for \(img.dimensions[0]) images in \(images)")
        }
        // With 0 images the header bounds nothing else: rows x cols may overflow (issue 14: 0 x 2^32 x 2^32).
        let n = img.dimensions[0], (d, overflow) = img.dimensions[1].multipliedReportingOverflow(by: img.dimensions[2])
        guard n > 0, d > 0, !overflow else { throw DataError(file: images, reason: "holds no images (dimensions \(img.dimensions))") }
        guard d <= 1 << 20 else { throw DataError(file: images, reason: "images of \(d) pixels exceed the limit of 2^20 per image") }
        let pixels = img.bytes.map { $0.map { Scalar($0) / 255 } } ?? img.values.map { Scalar($0 / 255) }
        // Labels must be class indices: checked before any conversion (NaN or 1e300 would trap).
        if let bad = lab.values.firstIndex(where: { !$0.isFinite || $0 < 0 || $0 > 255 || $0 != $0.rounded() }) {
            throw DataError(file: labels, reason: "label \(bad) is \(lab.values[bad]), not a class index from 0 to 255")
        }
        let ys = lab.bytes.map { $0.map(Int.init) } ?? lab.values.map { Int($0) }
        let classes = (ys.max() ?? 0) + 1
        guard classes <= 256, ys.allSatisfy({ $0 >= 0 }) else { throw DataError(file: labels, reason: "labels must be small non-negative integers") }
        do {
            return try Dataset(name: name, x: Matrix(rows: n, cols: d, pixels), labels: ys, classes: max(classes, 10))
        } catch { throw DataError(file: images, reason: error.description) }
    }

    /// The 5000-image MNIST subset shipped with nnviz, in file order (sorted by class).
    /// See `Sources/NNEngine/Resources/mnist5k/PROVENANCE.md`.
    public static func embeddedMNIST() throws(DataError) -> Dataset {
        let dir = try EmbeddedData.folder("mnist5k")
        return try idx(images: dir.appendingPathComponent("mnist5k-images-idx3-ubyte.gz").path,
                       labels: dir.appendingPathComponent("mnist5k-labels-idx1-ubyte.gz").path, name: "mnist5k")
    }
}
