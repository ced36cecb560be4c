/// `run_end`: how the run ended.
public struct RunEnd: Sendable, Equatable {
    /// `completed`, `stopped_early` or `diverged`.
    public var status: String
    public var run: String
    /// The last step (for `diverged`, the step at which a quantity first went non-finite).
    public var step: Int
    public var epoch: Int?
    /// Why training stopped early.
    public var reason: String?
    /// What went non-finite first (`loss`, `parameter dense_2/W`).
    public var quantity: String?
    public init(run: String, status: String, step: Int, epoch: Int? = nil, reason: String? = nil, quantity: String? = nil) {
        self.run = run; self.status = status; self.step = step; self.epoch = epoch; self.reason = reason; self.quantity = quantity
    }
}
