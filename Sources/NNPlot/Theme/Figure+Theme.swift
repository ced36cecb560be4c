extension Figure {
    /// The figure drawn in another theme: its fonts and lines, and a size scaled to the theme's
    /// (aspect kept). Figures of up to two panel columns scale to the theme's default width, wider
    /// ones to twice it (print: two 89 mm columns) or, for the slide theme, to its full width.
    public func restyled(_ theme: Theme) -> Figure {
        var f = self
        let wide = columns > 2 || width > Theme.screen.defaultWidth * 1.1
        let target: Double
        if theme.defaultWidth >= Theme.screen.defaultWidth {
            target = theme.defaultWidth                       // screen, slide: the theme's width
        } else {
            target = wide ? 2 * theme.defaultWidth : theme.defaultWidth
        }
        let scale = target / width
        f.width = target
        f.height = (height * scale).rounded()
        f.theme = theme
        return f
    }
}
