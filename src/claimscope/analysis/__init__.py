"""The analyses: claims and argument map, evidence and fact check, industry model, hindsight."""
