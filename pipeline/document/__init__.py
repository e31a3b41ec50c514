"""The RKT document: plain values for the template, the filled template, its zip, its text twin and PDF."""
