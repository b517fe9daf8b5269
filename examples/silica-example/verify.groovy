// Post-build check of Silica's invoker test (see invoker.properties): both builds' output is in
// build.log. The first must have passed with its reports written, the second must have failed on
// the latency limit with the expected message.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/silica')

def expectFile = { String name ->
  def f = new File(out, name)
  assert f.isFile() && f.length() > 0 : "missing or empty: target/silica/${name}"
}
def expectLog = { String pattern ->
  def m = (log =~ pattern)
  assert m.find() : "build.log has no line matching: ${pattern}"
  println "verify.groovy: found: ${m.group()}"
}

// the library program (run by the example's test)
expectLog(/mlp-784-256-10 on tpu-v1: .*/)
expectLog(/mlp-784-256-10 on eyeriss-like: .*/)
expectLog(/Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/)

// simulate: every limit checked and holding, reports written
['latency_us', 'energy_per_inference_uj', 'tops', 'area_mm2', 'output_error_vs_fp32'].each {
  expectLog(/limit ok: ${it} = \S+ [<>]= \w+ = \S+ \(lenet5-caffe on tpu-v1\)/)
}
['lenet5-caffe-tpu-v1.html', 'lenet5-caffe-tpu-v1.json', 'lenet5-caffe-tpu-v1-accelergy.csv',
 'lenet5-caffe-tpu-v1-compute-report.csv'].each { expectFile(it) }

// report: the comparison page; sweep: 8 points and the Pareto page
['lenet5-caffe-comparison.html', 'lenet5-caffe-comparison.csv', 'lenet5-caffe-comparison.json',
 'array-shapes.html', 'array-shapes.csv'].each { expectFile(it) }
def points = new File(out, 'array-shapes.jsonl').readLines().findAll { it.trim() }
assert points.size() == 8 : "array-shapes.jsonl has ${points.size()} points, expected 8"

// the second build (-P tight-latency) failed on the latency limit, naming metric, limit and value
expectLog(/Silica limit failed for lenet5-caffe on tpu-v1: latency_us = [0-9.]+ exceeds maxLatencyUs = 1(?![0-9.])/)
expectLog(/BUILD FAILURE/)
assert log.count('BUILD SUCCESS') == 1 : 'expected exactly one passing build'
return true
