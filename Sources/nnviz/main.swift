import NNVizCLI

// The `nnviz` executable: the commands live in NNVizCLI, where tests can run them in-process.
NNViz.main()
