// NNPlot
