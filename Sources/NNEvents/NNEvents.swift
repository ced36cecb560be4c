// NNEvents
