// NNReport
