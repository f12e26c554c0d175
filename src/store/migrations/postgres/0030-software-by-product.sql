-- Issue 21, find by software: the assets list's "carries a version of this
-- product" filter and the software search by product read a product's few
-- versions by index instead of every distinct version (49,000 at 20,000
-- assets, tens of thousands more on a large estate).
CREATE INDEX software_product ON software (product);
