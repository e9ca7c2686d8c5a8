<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../gui/about_dialog.py" line="54" />
            <source>&amp;Copy to clipboard</source>
            <translation>复制到剪贴板(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="35" />
            <source>About Backprop Studio</source>
            <translation>关于 Backprop Studio</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="45" />
            <source>Backprop Studio steps through a real PyTorch training loop one micro-step at a time: zero_grad, the forward pass neuron by neuron, the loss, backward gradient by gradient, and the optimizer's step parameter by parameter.</source>
            <translation>Backprop Studio 一个微步一个微步地执行真实的 PyTorch 训练循环：zero_grad、逐个神经元的前向传播、损失、逐个梯度的反向传播，以及逐个参数的优化器更新。</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="72" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="73" />
            <source>CUDA device</source>
            <translation>CUDA 设备</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="58" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="55" />
            <source>Copy these versions, e.g. for a bug report</source>
            <translation>复制这些版本信息，例如用于错误报告</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="71" />
            <source>Model device</source>
            <translation>模型所在设备</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="68" />
            <source>PySide6 / Qt</source>
            <translation>PySide6 / Qt</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="67" />
            <source>PyTorch</source>
            <translation>PyTorch</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="74" />
            <source>PyTorch threads</source>
            <translation>PyTorch 线程数</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="66" />
            <source>Python</source>
            <translation>Python</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="80" />
            <source>no CUDA device</source>
            <translation>无 CUDA 设备</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="81" />
            <source>not installed</source>
            <translation>未安装</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="82" />
            <source>not loaded</source>
            <translation>未加载</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="70" />
            <source>numpy</source>
            <translation>numpy</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="69" />
            <source>pyqtgraph</source>
            <translation>pyqtgraph</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="83" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="84" />
            <source>unknown CPU</source>
            <translation>未知 CPU</translation>
        </message>
    </context>
    <context>
        <name>AccuracyPlot</name>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="81" />
            <source>The share of validation samples classified correctly</source>
            <translation>验证集中被正确分类的样本所占比例</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="78" />
            <source>Validation accuracy</source>
            <translation>验证准确率</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="78" />
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="95" />
            <source>appears when an epoch of a classification run ends</source>
            <translation>分类训练的一轮结束后显示</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="78" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="92" />
            <source>epoch {0}: {1:.2%}</source>
            <translation>第 {0} 轮：{1:.2%}</translation>
        </message>
    </context>
    <context>
        <name>Activation</name>
        <message>
            <source>A slope of α for negative nets keeps some gradient flowing, so its neurons cannot die as ReLU's can.</source>
            <translation>net 为负时斜率为 α，仍有一些梯度流过，所以它的神经元不会像 ReLU 那样“死亡”。</translation>
        </message>
        <message>
            <source>A smooth ReLU that weights x by the probability Φ(x); its slope rises a little above 1 near x = √2 and turns negative below x ≈ −0.75.</source>
            <translation>一种平滑的 ReLU，用概率 Φ(x) 给 x 加权；在 x = √2 附近斜率略高于 1，在 x ≈ −0.75 以下斜率变为负。</translation>
        </message>
        <message>
            <source>A smooth ReLU whose derivative is the sigmoid, so its gradient is never exactly zero.</source>
            <translation>一种平滑的 ReLU，它的导数就是 sigmoid，所以梯度永远不会恰好为零。</translation>
        </message>
        <message>
            <source>Also called swish: smooth and not monotonic, it dips below zero for negative nets and its slope peaks at about 1.1.</source>
            <translation>又名 swish：平滑但不单调，net 为负时会略低于零，斜率最大约为 1.1。</translation>
        </message>
        <message>
            <source>It saturates for large |x|, where its derivative (at most 0.25) all but vanishes, and its outputs are not zero-centred, so deep stacks of it learn slowly.</source>
            <translation>|x| 较大时它会饱和，导数（最大 0.25）几乎消失；而且输出不以零为中心，所以很深的 sigmoid 网络学得很慢。</translation>
        </message>
        <message>
            <source>It turns the output layer into probabilities that sum to 1; each output depends on every net, so its derivative is a Jacobian matrix, not one number per neuron.</source>
            <translation>它把输出层变成总和为 1 的概率；每个输出都依赖所有的 net，所以它的导数是一个雅可比矩阵，而不是每个神经元一个数。</translation>
        </message>
        <message>
            <source>Its derivative is zero everywhere (undefined at 0), so no gradient flows back through it and nothing before it learns.</source>
            <translation>它的导数处处为零（在 0 处无定义），所以没有梯度能反向穿过它，它之前的层什么也学不到。</translation>
        </message>
        <message>
            <source>Its gradient is 1 for positive nets and 0 otherwise, so a neuron whose net stays negative stops learning (a dead ReLU).</source>
            <translation>net 为正时梯度为 1，否则为 0，所以 net 一直为负的神经元会停止学习（“死亡 ReLU”）。</translation>
        </message>
        <message>
            <source>LeakyReLU whose negative slope a is a parameter that training updates, one per channel in torch.nn.PReLU (a starts at 0.25).</source>
            <translation>负半轴斜率 a 是可训练参数的 LeakyReLU；在 torch.nn.PReLU 中每个通道一个（a 初始为 0.25）。</translation>
        </message>
        <message>
            <source>Log-probabilities for the nll loss; the pair equals cross-entropy on logits, and is more stable than taking log(softmax(x)).</source>
            <translation>为 nll 损失提供对数概率；两者合起来就是作用在 logits 上的交叉熵，比 log(softmax(x)) 更稳定。</translation>
        </message>
        <message>
            <source>Smooth for negative nets, where it saturates at −α; its negative outputs pull the mean activation towards zero.</source>
            <translation>net 为负时平滑，并饱和于 −α；负的输出把平均激活值拉向零。</translation>
        </message>
        <message>
            <source>Without a nonlinearity, stacked layers collapse into one linear map, so it suits only a regression output.</source>
            <translation>没有非线性，多层叠加会坍缩成一个线性映射，所以它只适合回归任务的输出层。</translation>
        </message>
        <message>
            <source>Zero-centred, unlike the sigmoid, but it saturates just the same, so gradients vanish for large |x|.</source>
            <translation>与 sigmoid 不同，它以零为中心，但同样会饱和，所以 |x| 较大时梯度消失。</translation>
        </message>
    </context>
    <context>
        <name>ActivationLab</name>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="77" />
            <source>Apply this activation to every layer of the current model</source>
            <translation>把这个激活函数用到当前模型的每一层</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="165" />
            <source>Apply {spec} to the current model</source>
            <translation>把 {spec} 用到当前模型</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="225" />
            <source>At x = {x:.2f}: f = {f:.6g}, f′ = {d:.6g} (autograd), closed form {c:.6g}.</source>
            <translation>在 x = {x:.2f} 处：f = {f:.6g}，f′ = {d:.6g}（autograd），解析式 {c:.6g}。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="215" />
            <source>Derivative</source>
            <translation>导数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="128" />
            <source>Drag to move the point</source>
            <translation>拖动以移动该点</translation>
        </message>
        <message>
            <source>ELU</source>
            <translation>ELU</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="214" />
            <source>Formula</source>
            <translation>公式</translation>
        </message>
        <message>
            <source>GELU</source>
            <translation>GELU</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>恒等 (Identity)</translation>
        </message>
        <message>
            <source>LeakyReLU</source>
            <translation>LeakyReLU</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="218" />
            <source>Max of |f′|</source>
            <translation>|f′| 的最大值</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="216" />
            <source>Output range</source>
            <translation>输出范围</translation>
        </message>
        <message>
            <source>PReLU</source>
            <translation>PReLU</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="219" />
            <source>PyTorch</source>
            <translation>PyTorch</translation>
        </message>
        <message>
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="227" />
            <source>Shaded: saturated, |f′| &lt; {t}.</source>
            <translation>阴影部分：饱和区，|f′| &lt; {t}。</translation>
        </message>
        <message>
            <source>SiLU / Swish</source>
            <translation>SiLU / Swish</translation>
        </message>
        <message>
            <source>Sigmoid</source>
            <translation>Sigmoid</translation>
        </message>
        <message>
            <source>Softplus</source>
            <translation>Softplus</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>阶跃 (Step)</translation>
        </message>
        <message>
            <source>Tanh</source>
            <translation>Tanh</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="69" />
            <source>The activation function to study</source>
            <translation>要研究的激活函数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="72" />
            <source>The activation's parameter, e.g. LeakyReLU's slope α</source>
            <translation>激活函数的参数，例如 LeakyReLU 的斜率 α</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="170" />
            <source>The network's model has no learnable slope: use LeakyReLU with the same α</source>
            <translation>网络模型没有可学习的斜率：改用相同 α 的 LeakyReLU</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="85" />
            <source>The point whose tangent is drawn; drag the line in the plots</source>
            <translation>画出切线的那个点；可在图中拖动竖线</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="74" />
            <source>Use in network</source>
            <translation>用到网络中</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="217" />
            <source>Zero-centred</source>
            <translation>以零为中心</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="114" />
            <source>autograd</source>
            <translation>autograd</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="227" />
            <source>autograd vs closed form: max |difference| = {m:.1e} over {n} points.</source>
            <translation>autograd 与解析式对比：{n} 个点上的最大 |差值| = {m:.1e}。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="121" />
            <source>closed form</source>
            <translation>解析式</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="102" />
            <source>f(x)</source>
            <translation>f(x)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="171" />
            <source>f(x) = {name}</source>
            <translation>f(x) = {name}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="104" />
            <source>f′(x)</source>
            <translation>f′(x)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="104" />
            <source>f′(x) by autograd</source>
            <translation>autograd 计算的 f′(x)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="217" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="102" />
            <location filename="../../gui/labs/activation_lab.py" line="104" />
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="82" />
            <source>x = </source>
            <translation>x = </translation>
        </message>
        <message>
            <location filename="../../gui/labs/activation_lab.py" line="217" />
            <source>yes</source>
            <translation>是</translation>
        </message>
    </context>
    <context>
        <name>AutogradLab</name>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="96" />
            <source>None (left untouched)</source>
            <translation>None（未被改动）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="37" />
            <source>The expression autograd differentiates</source>
            <translation>autograd 求导的表达式</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="49" />
            <source>The graph autograd built (out.grad_fn → leaves)</source>
            <translation>autograd 构建的计算图（out.grad_fn → 叶子节点）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="111" />
            <source>Twice without retain_graph:
  RuntimeError: {err}
backward(retain_graph=True), then backward():
  {twice}  (added up)
with .grad.zero_() in between:
  {zeroed}</source>
            <translation>不带 retain_graph 调用两次：
  RuntimeError: {err}
先 backward(retain_graph=True)，再 backward()：
  {twice}  （累加）
中间调用 .grad.zero_()：
  {zeroed}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="68" />
            <source>Value of {name}</source>
            <translation>{name} 的值</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="48" />
            <source>backward twice</source>
            <translation>调用两次 backward()</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="97" />
            <source>changed</source>
            <translation>已改变</translation>
        </message>
        <message>
            <source>log(1 + exp(x·w + b))</source>
            <translation>log(1 + exp(x·w + b))</translation>
        </message>
        <message>
            <source>mse_loss(1, x·w + b)</source>
            <translation>mse_loss(1, x·w + b)</translation>
        </message>
        <message>
            <source>mse_loss(1, x·w)</source>
            <translation>mse_loss(1, x·w)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="90" />
            <source>out = {v:.6g}
returned: {g}
.grad afterwards: {state}
closed form: {c}
  {t}</source>
            <translation>out = {v:.6g}
返回值：{g}
之后的 .grad：{state}
解析式：{c}
  {t}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="47" />
            <source>out.backward()</source>
            <translation>out.backward()</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="102" />
            <source>returns None; it accumulates into .grad:
{g}</source>
            <translation>返回 None；梯度累加到 .grad 中：
{g}</translation>
        </message>
        <message>
            <source>sigmoid(x·w + b)</source>
            <translation>sigmoid(x·w + b)</translation>
        </message>
        <message>
            <source>tanh(x·w)·w  (w used twice)</source>
            <translation>tanh(x·w)·w  （w 用了两次）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="46" />
            <source>torch.autograd.grad(out, leaves)</source>
            <translation>torch.autograd.grad(out, leaves)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/autograd_lab.py" line="67" />
            <source>{name} = </source>
            <translation>{name} = </translation>
        </message>
    </context>
    <context>
        <name>BackgroundTask</name>
        <message>
            <location filename="../../gui/background.py" line="103" />
            <source>The task failed</source>
            <translation>任务失败</translation>
        </message>
    </context>
    <context>
        <name>BasinView</name>
        <message>
            <location filename="../../gui/views/basin_view.py" line="61" />
            <source> steps</source>
            <translation> 步</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="164" />
            <source>; none reached: {n}</source>
            <translation>；未到达任何极小值：{n}</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="68" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="143" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="67" />
            <source>Compute</source>
            <translation>计算</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="76" />
            <source>Learning rate for every start</source>
            <translation>每个起点的学习率</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="77" />
            <source>Optimizer steps from each start</source>
            <translation>每个起点的优化步数</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="75" />
            <source>Optimizer used from every start</source>
            <translation>每个起点使用的优化器</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="94" />
            <source>Press Compute: every start is coloured by the minimum its descent reaches.</source>
            <translation>按“计算”：每个起点按其下降到达的极小值着色。</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="78" />
            <source>Starts per axis (K×K in all)</source>
            <translation>每个轴的起点数（共 K×K 个）</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="163" />
            <source>Starts per minimum: </source>
            <translation>各极小值的起点数：</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="80" />
            <source>Stop the computation</source>
            <translation>停止计算</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="74" />
            <source>The surface whose basins are mapped</source>
            <translation>要绘制吸引域的曲面</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="79" />
            <source>Train every start together, off the GUI thread</source>
            <translation>在界面线程之外同时训练所有起点</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="155" />
            <source>Which minimum each start reaches: {f}</source>
            <translation>每个起点到达哪个极小值：{f}</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="156" />
            <source>start x</source>
            <translation>起点 x</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="157" />
            <source>start y</source>
            <translation>起点 y</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="186" />
            <source>start {0} reaches no minimum (it ends at {1})</source>
            <translation>起点 {0} 没有到达任何极小值（停在 {1}）</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="188" />
            <source>start {0} → minimum ({1:.3g}, {2:.3g}), ends at {3}</source>
            <translation>起点 {0} → 极小值 ({1:.3g}, {2:.3g})，停在 {3}</translation>
        </message>
        <message>
            <location filename="../../gui/views/basin_view.py" line="65" />
            <source>starts </source>
            <translation>起点数 </translation>
        </message>
    </context>
    <context>
        <name>BatchNoisePlot</name>
        <message>
            <location filename="../../gui/views/batch_noise_plot.py" line="37" />
            <source>Gradient noise falls as 1/B</source>
            <translation>梯度噪声按 1/B 下降</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_noise_plot.py" line="34" />
            <source>batch size B</source>
            <translation>批大小 B</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_noise_plot.py" line="45" />
            <source>estimate from random batches</source>
            <translation>随机批次的估计值</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_noise_plot.py" line="42" />
            <source>exact: tr(Σ)/B · (N−B)/(N−1)</source>
            <translation>精确值：tr(Σ)/B · (N−B)/(N−1)</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_noise_plot.py" line="35" />
            <source>variance of the batch gradient</source>
            <translation>批梯度的方差</translation>
        </message>
    </context>
    <context>
        <name>BatchStrip</name>
        <message>
            <location filename="../../gui/views/batch_strip.py" line="36" />
            <source>, … ({0} more)</source>
            <translation>，…（另有 {0} 个）</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_strip.py" line="109" />
            <source>Epoch {0}{1}, batch {2} of {3}</source>
            <translation>第 {0}{1} 轮，第 {2} 批（共 {3} 批）</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_strip.py" line="112" />
            <source>No batch drawn yet: the next step draws one.</source>
            <translation>还没有抽取批次：下一步会抽取一批。</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_strip.py" line="52" />
            <source>The samples of the training set the DataLoader drew for this iteration</source>
            <translation>DataLoader 为本次迭代从训练集中抽取的样本</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_strip.py" line="60" />
            <source>The whole training set (grey) and the batch's points</source>
            <translation>整个训练集（灰色）和本批次的点</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_strip.py" line="106" />
            <source>The whole training set ({0} samples) every iteration</source>
            <translation>每次迭代使用整个训练集（{0} 个样本）</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_strip.py" line="112" />
            <source>{0} samples: {1}</source>
            <translation>{0} 个样本：{1}</translation>
        </message>
    </context>
    <context>
        <name>CheckedField</name>
        <message>
            <location filename="../../gui/views/checked_field.py" line="35" />
            <source>“{0}” is not a finite number</source>
            <translation>“{0}”不是有限的数</translation>
        </message>
        <message>
            <location filename="../../gui/views/checked_field.py" line="33" />
            <source>“{0}” is not a number</source>
            <translation>“{0}”不是数字</translation>
        </message>
        <message>
            <location filename="../../gui/views/checked_field.py" line="49" />
            <source>“{0}”: give whole numbers separated by commas, e.g. 2,2,2</source>
            <translation>“{0}”：请输入用逗号分隔的整数，例如 2,2,2</translation>
        </message>
    </context>
    <context>
        <name>CodePanel</name>
        <message>
            <location filename="../../gui/views/code_panel.py" line="29" />
            <source>The PyTorch training loop; the highlighted line is the one being executed</source>
            <translation>PyTorch 训练循环；高亮的是正在执行的那一行</translation>
        </message>
    </context>
    <context>
        <name>ComparisonTable</name>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="57" />
            <source> epochs each</source>
            <translation> 轮/组</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="51" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="47" />
            <source>Compare outputs</source>
            <translation>比较输出层</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="125" />
            <source>Comparison cancelled.</source>
            <translation>比较已取消。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="58" />
            <source>Epochs every combination is trained for</source>
            <translation>每种组合训练的轮数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="53" />
            <source>Stop the comparison</source>
            <translation>停止比较</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="65" />
            <source>Test accuracy (train accuracy) after training, same seed and same data for every cell.</source>
            <translation>训练后的测试准确率（训练准确率）；每个格子使用相同的种子和数据。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="146" />
            <source>Test accuracy (train accuracy). log_softmax + NLL is cross-entropy; nll on softmax, sigmoid or tanh outputs only rewards the right class and never pushes the others down.</source>
            <translation>测试准确率（训练准确率）。log_softmax + NLL 就是交叉熵；在 softmax、sigmoid 或 tanh 输出上用 nll 只奖励正确类别，从不压低其他类别。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="50" />
            <source>Train every output × hidden activation from the same seed</source>
            <translation>用相同种子训练每一种“输出 × 隐藏层激活函数”组合</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="73" />
            <source>hidden {a}</source>
            <translation>隐藏层 {a}</translation>
        </message>
        <message>
            <source>log_softmax + NLL</source>
            <translation>log_softmax + NLL</translation>
        </message>
        <message>
            <source>sigmoid + BCE</source>
            <translation>sigmoid + BCE</translation>
        </message>
        <message>
            <source>sigmoid + NLL</source>
            <translation>sigmoid + NLL</translation>
        </message>
        <message>
            <source>softmax + NLL</source>
            <translation>softmax + NLL</translation>
        </message>
        <message>
            <source>tanh + NLL</source>
            <translation>tanh + NLL</translation>
        </message>
        <message>
            <location filename="../../gui/labs/comparison_table.py" line="135" />
            <source>test loss {l:.4g}</source>
            <translation>测试损失 {l:.4g}</translation>
        </message>
    </context>
    <context>
        <name>ConfusionView</name>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="55" />
            <source>Compute now</source>
            <translation>立即计算</translation>
        </message>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="50" />
            <source>Confusion matrix (validation)</source>
            <translation>混淆矩阵（验证集）</translation>
        </message>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="78" />
            <source>Row: the true class; column: the class the network's largest output picks. The diagonal holds the samples classified correctly.</source>
            <translation>行：真实类别；列：网络最大输出所选的类别。对角线上是被正确分类的样本。</translation>
        </message>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="60" />
            <source>The matrix at the current parameters (it is also computed at each epoch's end)</source>
            <translation>按当前参数计算矩阵（每轮结束时也会自动计算）</translation>
        </message>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="101" />
            <source>after {0} iterations: {1} of {2} correct ({3:.1%})</source>
            <translation>{0} 次迭代后：{2} 个中 {1} 个正确（{3:.1%}）</translation>
        </message>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="89" />
            <source>appears when an epoch ends (classification)</source>
            <translation>一轮结束后显示（分类任务）</translation>
        </message>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="37" />
            <source>predicted class</source>
            <translation>预测类别</translation>
        </message>
        <message>
            <location filename="../../gui/views/confusion_view.py" line="36" />
            <source>true class</source>
            <translation>真实类别</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <location filename="../../gui/controller.py" line="236" />
            <source>A run is already in progress.</source>
            <translation>已有一次运行正在进行。</translation>
        </message>
        <message>
            <location filename="../../gui/controller.py" line="336" />
            <source>A run is in progress: wait for it or cancel it first.</source>
            <translation>正在运行：请先等待它结束或取消。</translation>
        </message>
        <message>
            <location filename="../../gui/controller.py" line="158" />
            <source>Already at the start: there is nothing to undo.</source>
            <translation>已在起点：没有可撤销的步骤。</translation>
        </message>
        <message>
            <location filename="../../gui/run_report.py" line="28" />
            <source>Cancelled after {0} of {1} iterations.</source>
            <translation>在完成 {1} 次迭代中的 {0} 次后取消。</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="80" />
            <source>Model rebuilt: {0}.</source>
            <translation>模型已重建：{0}。</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="81" />
            <source>New settings</source>
            <translation>新设置</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="114" />
            <source>Preset {0}</source>
            <translation>预设 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/run_report.py" line="31" />
            <source>Ran 1 iteration; the loss is now {0:.9g}.</source>
            <translation>运行了 1 次迭代；当前损失为 {0:.9g}。</translation>
        </message>
        <message>
            <location filename="../../gui/run_report.py" line="32" />
            <source>Ran {0} iterations; the loss is now {1:.9g}.</source>
            <translation>运行了 {0} 次迭代；当前损失为 {1:.9g}。</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="38" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="38" />
            <source>Reset to the starting parameters; Edit → Undo (Ctrl+Z) brings the run back.</source>
            <translation>已重置为初始参数；编辑 → 撤销（Ctrl+Z）可找回原来的训练。</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="78" />
            <source>Settings not applied: {0}</source>
            <translation>设置未应用：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/pending_settings.py" line="47" />
            <source>The new optimizer settings wait for this iteration to finish: they apply from the next one (changes are made between iterations).</source>
            <translation>新的优化器设置会等本次迭代结束：从下一次迭代起生效（设置只在两次迭代之间更改）。</translation>
        </message>
        <message>
            <location filename="../../gui/controller.py" line="325" />
            <source>The run stopped</source>
            <translation>运行已停止</translation>
        </message>
        <message>
            <location filename="../../gui/controller.py" line="293" />
            <location filename="../../gui/controller.py" line="323" />
            <source>The run stopped with an error: {0}</source>
            <translation>运行因错误而停止：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/run_report.py" line="26" />
            <source>Training diverged in iteration {0} (the loss was not finite); stopped at the last finite state. Lower the learning rate or change the settings.</source>
            <translation>训练在第 {0} 次迭代发散（损失不是有限值）；已停在最后一个有限的状态。请降低学习率或修改设置。</translation>
        </message>
        <message>
            <location filename="../../gui/run_report.py" line="41" />
            <source>Training diverged in iteration {0}: the loss became {1}. Go back (←), reset, or lower the learning rate.</source>
            <translation>训练在第 {0} 次迭代发散：损失变为 {1}。请后退（←）、重置或降低学习率。</translation>
        </message>
        <message>
            <location filename="../../gui/controller.py" line="205" />
            <location filename="../../gui/controller.py" line="247" />
            <source>Training diverged: go back, reset or change the settings.</source>
            <translation>训练已发散：请后退、重置或修改设置。</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="67" />
            <source>{0} from the next step; back (←) undoes it.</source>
            <translation>{0}，从下一步起生效；后退（←）可撤销。</translation>
        </message>
        <message>
            <location filename="../../gui/run_commands.py" line="53" />
            <source>{0} set to {1:.9g}; back (←) undoes it.</source>
            <translation>{0} 已设为 {1:.9g}；后退（←）可撤销。</translation>
        </message>
    </context>
    <context>
        <name>CrashGuard</name>
        <message>
            <location filename="../../gui/crash_guard.py" line="129" />
            <source>An unexpected error occurred; the window and your session are kept.
{0}</source>
            <translation>发生了意外错误；窗口和你的会话都已保留。
{0}</translation>
        </message>
        <message>
            <location filename="../../gui/crash_guard.py" line="107" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
    </context>
    <context>
        <name>DataTable</name>
        <message>
            <location filename="../../gui/data_table.py" line="81" />
            <source>A change takes effect from the next iteration; ← undoes it.</source>
            <translation>修改从下一次迭代起生效；← 可撤销。</translation>
        </message>
        <message>
            <location filename="../../gui/data_table.py" line="36" />
            <source>Double-click a value to change it; ← undoes the change</source>
            <translation>双击数值即可修改；← 撤销修改</translation>
        </message>
        <message>
            <location filename="../../gui/data_table.py" line="31" />
            <source>Inputs and targets</source>
            <translation>输入与目标</translation>
        </message>
        <message>
            <location filename="../../gui/data_table.py" line="93" />
            <source>Not a finite number: type e.g. 0.25 or -1e-3</source>
            <translation>不是有限数：请输入例如 0.25 或 -1e-3</translation>
        </message>
        <message>
            <location filename="../../gui/data_table.py" line="79" />
            <source>The run is mid-iteration: a change restarts this iteration with the new value (← then undoes the change at the iteration's start).</source>
            <translation>训练正处于一次迭代中途：修改会以新值重新开始本次迭代（之后按 ← 会在本次迭代开始处撤销该修改）。</translation>
        </message>
        <message>
            <location filename="../../gui/data_table.py" line="55" />
            <source>sample {0}</source>
            <translation>样本 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/data_table.py" line="48" />
            <source>target {0}</source>
            <translation>目标 {0}</translation>
        </message>
    </context>
    <context>
        <name>DatasetOpener</name>
        <message>
            <location filename="../../gui/dataset_opener.py" line="72" />
            <source>A dataset is already being read.</source>
            <translation>正在读取另一个数据集。</translation>
        </message>
        <message>
            <location filename="../../gui/dataset_opener.py" line="76" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/dataset_opener.py" line="118" />
            <source>Dataset not opened: {0}</source>
            <translation>未打开数据集：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/dataset_opener.py" line="63" />
            <location filename="../../gui/dataset_opener.py" line="78" />
            <source>Open dataset</source>
            <translation>打开数据集</translation>
        </message>
        <message>
            <location filename="../../gui/dataset_opener.py" line="90" />
            <source>Opening the dataset was cancelled: nothing changed.</source>
            <translation>已取消打开数据集：没有任何改变。</translation>
        </message>
        <message>
            <location filename="../../gui/dataset_opener.py" line="76" />
            <source>Reading {0}…</source>
            <translation>正在读取 {0}…</translation>
        </message>
    </context>
    <context>
        <name>DiagramPane</name>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="43" />
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="44" />
            <source>The whole network, or as much as fits at a readable size</source>
            <translation>显示整个网络；若太大，则以清晰可读的大小显示尽可能多的部分</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="36" />
            <source>What the diagram's colours, widths and dashes mean</source>
            <translation>图中颜色、线宽和虚线的含义</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="38" />
            <source>Wheel or +/− to zoom, drag to pan</source>
            <translation>滚轮或 +/− 缩放，拖动平移</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="40" />
            <source>Zoom in (or turn the wheel)</source>
            <translation>放大（或转动滚轮）</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="41" />
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="126" />
            <source>click a neuron to zoom into its weights</source>
            <translation>点击神经元可放大查看其权重</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="113" />
            <source>frozen (not trained)</source>
            <translation>冻结（不训练）</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="114" />
            <source>gradients</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="124" />
            <source>not computed yet</source>
            <translation>尚未计算</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="115" />
            <source>orange</source>
            <translation>橙色</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="112" />
            <source>thicker = larger |weight|</source>
            <translation>越粗 = |权重| 越大</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="115" />
            <location filename="../../gui/views/diagram_pane.py" line="125" />
            <source>this micro-step</source>
            <translation>当前微步</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="111" />
            <location filename="../../gui/views/diagram_pane.py" line="123" />
            <source>weight &lt; 0</source>
            <translation>权重 &lt; 0</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram_pane.py" line="110" />
            <location filename="../../gui/views/diagram_pane.py" line="122" />
            <source>weight &gt; 0</source>
            <translation>权重 &gt; 0</translation>
        </message>
    </context>
    <context>
        <name>EngineError</name>
        <message>
            <location filename="../../engine/models/config.py" line="288" />
            <source>Nesterov needs the sgd optimizer and a momentum above 0</source>
            <translation>Nesterov 动量需要 sgd 优化器且动量大于 0</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="113" />
            <source>OneCycleLR cycles the momentum, which {optimizer} does not have: add cycle_momentum=false</source>
            <translation>OneCycleLR 会循环调整动量，而 {optimizer} 没有动量：请加上 cycle_momentum=false</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="120" />
            <source>OneCycleLR cycles the momentum: give {optimizer} a momentum above 0, or add cycle_momentum=false</source>
            <translation>OneCycleLR 会循环调整动量：请给 {optimizer} 设置大于 0 的动量，或加上 cycle_momentum=false</translation>
        </message>
        <message>
            <location filename="../../engine/training/schedules.py" line="77" />
            <source>OneCycleLR plans {planned} steps but the run steps it {total} times: give total_steps={total} or more</source>
            <translation>OneCycleLR 只规划了 {planned} 步，但本次训练会调用它 {total} 次：请设置 total_steps={total} 或更大</translation>
        </message>
        <message>
            <location filename="../../engine/training/live_settings.py" line="142" />
            <source>OneCycleLR sets the momentum (or Adam's β1) at every scheduler.step(): change the schedule instead, or give it cycle_momentum=false</source>
            <translation>OneCycleLR 在每次 scheduler.step() 时都会设置动量（或 Adam 的 β1）：请改调度方案，或给它加上 cycle_momentum=false</translation>
        </message>
        <message>
            <location filename="../../engine/models/config.py" line="238" />
            <source>a layer may have at most {most} neurons, got {size}</source>
            <translation>每层最多 {most} 个神经元，实际为 {size}</translation>
        </message>
        <message>
            <location filename="../../engine/models/config.py" line="244" />
            <source>a network may have at most {most:,} weights and biases, got {count:,}</source>
            <translation>网络最多只能有 {most:,} 个权重和偏置，实际为 {count:,}</translation>
        </message>
        <message>
            <location filename="../../engine/training/history_budget.py" line="63" />
            <source>a run of {more:,} iterations would keep about {needed:,.1f} GB of history for {parameters:,} parameters (every iteration's loss is kept); at most {room:,} more fit in {budget:.1f} GB: run fewer, or reset</source>
            <translation>运行 {more:,} 次迭代将为 {parameters:,} 个参数保存约 {needed:,.1f} GB 的历史（每次迭代的损失都会保留）；{budget:.1f} GB 内最多还能再运行 {room:,} 次：请减少迭代次数，或重置</translation>
        </message>
        <message>
            <location filename="../../engine/models/loop_settings.py" line="55" />
            <source>a test function has no data: datasets, mini-batches and validation apply to networks</source>
            <translation>测试函数没有数据：数据集、小批量和验证只适用于网络</translation>
        </message>
        <message>
            <location filename="../../engine/data/datasets.py" line="81" />
            <source>a validation share of {share} leaves no training sample of the {count} in {name}</source>
            <translation>验证集比例 {share} 会让 {name} 的 {count} 个样本中一个训练样本也不剩</translation>
        </message>
        <message>
            <location filename="../../engine/models/loop_settings.py" line="68" />
            <source>at most {most:,} epochs, got {value:,}</source>
            <translation>最多 {most:,} 个轮次，得到的是 {value:,}</translation>
        </message>
        <message>
            <location filename="../../engine/data/capped_read.py" line="27" />
            <location filename="../../engine/data/csv_points.py" line="78" />
            <source>cannot read {path}: {error}</source>
            <translation>无法读取 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="75" />
            <source>cannot tell which file holds the labels of {file}: an IDX images file's name contains 'images' or 'idx3' (like train-images-idx3-ubyte)</source>
            <translation>无法判断 {file} 的标签在哪个文件里：IDX 图像文件的文件名应包含“images”或“idx3”（例如 train-images-idx3-ubyte）</translation>
        </message>
        <message>
            <location filename="../../engine/models/clip_limits.py" line="29" />
            <source>clip by norm or by value, not both: set one of them to 0</source>
            <translation>请按范数或按数值裁剪梯度，不能同时使用：把其中一个设为 0</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="194" />
            <source>expected 3 values (x, y, label), found {count}</source>
            <translation>应有 3 个值（x, y, label），实际有 {count} 个</translation>
        </message>
        <message>
            <location filename="../../engine/training/live_settings.py" line="125" />
            <source>finish or rewind the current iteration before changing the optimizer's settings</source>
            <translation>请先完成或退回当前迭代，再更改优化器设置</translation>
        </message>
        <message>
            <location filename="../../engine/training/history.py" line="137" />
            <source>finish or rewind the current iteration before editing a parameter</source>
            <translation>请先完成或回退当前迭代，再编辑参数</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="174" />
            <source>line {line} of the CSV file cannot be read: {error}</source>
            <translation>CSV 文件第 {line} 行无法读取：{error}</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="50" />
            <source>line {line}, column {column}: {reason}</source>
            <translation>第 {line} 行，第 {column} 列：{reason}</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="93" />
            <source>line {line}: byte {byte} is not UTF-8 text; save the file as UTF-8 CSV</source>
            <translation>第 {line} 行：字节 {byte} 不是 UTF-8 文本；请将文件另存为 UTF-8 CSV</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="151" />
            <source>loading the CSV file was cancelled</source>
            <translation>已取消载入 CSV 文件</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="210" />
            <source>need 2 to {most} different labels, found {count}</source>
            <translation>需要 2 到 {most} 个不同的类别标签，实际有 {count} 个</translation>
        </message>
        <message>
            <location filename="../../engine/core/device.py" line="26" />
            <source>no CUDA GPU or driver was found (torch.cuda.is_available() is False)</source>
            <translation>没有找到 CUDA GPU 或驱动（torch.cuda.is_available() 为 False）</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="116" />
            <source>the CSV file has more than {most:,} rows; at most {most:,} points can be loaded</source>
            <translation>CSV 文件超过 {most:,} 行；最多只能载入 {most:,} 个点</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="206" />
            <source>the CSV file needs at least 4 points, found {count}</source>
            <translation>CSV 文件至少需要 4 个点，实际只有 {count} 个</translation>
        </message>
        <message>
            <location filename="../../engine/models/loop_settings.py" line="98" />
            <source>the batch size {size} is larger than the training set ({train} samples)</source>
            <translation>批大小 {size} 大于训练集（{train} 个样本）</translation>
        </message>
        <message>
            <location filename="../../engine/models/run_samples.py" line="45" />
            <source>the data has {inputs} input(s) and {outputs} target(s) per sample: the network needs {first} inputs and {last} outputs</source>
            <translation>数据每个样本有 {inputs} 个输入和 {outputs} 个目标：网络需要 {first} 个输入和 {last} 个输出</translation>
        </message>
        <message>
            <location filename="../../engine/data/digits.py" line="55" />
            <source>the digits data file {path} cannot be read: {error}</source>
            <translation>无法读取手写数字数据文件 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../../engine/data/digits.py" line="66" />
            <source>the digits data file {path} is damaged: reinstall the app</source>
            <translation>手写数字数据文件 {path} 已损坏：请重新安装本应用</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_heads.py" line="116" />
            <source>the head comparison may train at most {most:,} batches in all, got {total:,}</source>
            <translation>输出头比较最多总共训练 {most:,} 个批次，收到的是 {total:,}</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_heads.py" line="88" />
            <source>the head comparison needs a classification dataset with at least 2 classes</source>
            <translation>输出头比较需要至少有 2 个类别的分类数据集</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_heads.py" line="80" />
            <source>the head comparison needs a classification dataset, e.g. digits: this run has no dataset</source>
            <translation>输出头比较需要一个分类数据集（例如 digits）：这次运行没有数据集</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_heads.py" line="72" />
            <source>the head comparison needs a network, not a test function</source>
            <translation>输出头比较需要一个网络，而不是测试函数</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_heads.py" line="95" />
            <source>the head comparison needs held-out data: set a validation share above 0</source>
            <translation>输出头比较需要留出数据：请把验证集比例设为大于 0</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_cells.py" line="72" />
            <source>the label is empty</source>
            <translation>标签为空</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_cells.py" line="77" />
            <source>the label {cell} holds a control character</source>
            <translation>标签 {cell} 含有控制字符</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_cells.py" line="74" />
            <source>the label {cell} is longer than {most} characters</source>
            <translation>标签 {cell} 超过 {most} 个字符</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_cells.py" line="83" />
            <source>the label {cell} is neither a whole number nor a name</source>
            <translation>标签 {cell} 既不是整数也不是名称</translation>
        </message>
        <message>
            <location filename="../../engine/training/live_settings.py" line="134" />
            <source>the learning-rate schedule sets lr at every scheduler.step(): change the schedule instead, or turn it off</source>
            <translation>学习率调度器在每次 scheduler.step() 时都会设置 lr：请改调度方案，或将其关闭</translation>
        </message>
        <message>
            <location filename="../../engine/training/live_settings.py" line="117" />
            <source>the optimizer's settings are unchanged</source>
            <translation>优化器设置没有变化</translation>
        </message>
        <message>
            <location filename="../../engine/models/config.py" line="327" />
            <source>the published variant applies to Mazur's network, not a test function</source>
            <translation>原文变体只适用于 Mazur 的网络，不适用于测试函数</translation>
        </message>
        <message>
            <location filename="../../engine/models/config.py" line="314" />
            <source>the published variant applies to one hidden layer trained by plain SGD (no momentum, weight decay, lookahead or skipped zero_grad)</source>
            <translation>原文变体只适用于用普通 SGD 训练的单隐藏层网络（没有动量、权重衰减、Lookahead，也不跳过 zero_grad）</translation>
        </message>
        <message>
            <location filename="../../engine/models/loop_settings.py" line="43" />
            <source>the scheduler steps per batch or per epoch, not {step!r}</source>
            <translation>调度器按批次（batch）或按轮次（epoch）步进，不能是 {step!r}</translation>
        </message>
        <message>
            <location filename="../../engine/data/datasets.py" line="118" />
            <source>the seed must be a whole number from 0 to {most}, got {seed}</source>
            <translation>随机种子必须是 0 到 {most} 之间的整数，收到的是 {seed}</translation>
        </message>
        <message>
            <location filename="../../engine/data/datasets.py" line="74" />
            <source>the validation share must be at least 0 and below 1, got {share}</source>
            <translation>验证集比例必须不小于 0 且小于 1，收到的是 {share}</translation>
        </message>
        <message>
            <location filename="../../engine/models/loop_settings.py" line="85" />
            <source>the validation share must be below 1 (a share of the data), got {v}</source>
            <translation>验证集比例必须小于 1（数据的一部分），得到的是 {v}</translation>
        </message>
        <message>
            <location filename="../../engine/training/live_settings.py" line="115" />
            <source>these settings need a new model: apply them instead</source>
            <translation>这些设置需要新建模型：请改用“应用”</translation>
        </message>
        <message>
            <location filename="../../engine/core/device.py" line="21" />
            <source>this PyTorch build ({version}) has no CUDA support</source>
            <translation>当前 PyTorch 版本（{version}）不支持 CUDA</translation>
        </message>
        <message>
            <location filename="../../engine/training/phases.py" line="75" />
            <source>training diverged: go back, reset, or change the settings first</source>
            <translation>训练已发散：请先后退、重置或修改设置</translation>
        </message>
        <message>
            <location filename="../../engine/data/datasets.py" line="61" />
            <source>unknown dataset {spec}: choose one of {names}, or give a .csv file or an IDX images file (like train-images-idx3-ubyte.gz)</source>
            <translation>未知的数据集 {spec}：请从 {names} 中选择，或给出一个 .csv 文件或 IDX 图像文件（例如 train-images-idx3-ubyte.gz）</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="128" />
            <source>unknown scheduler {name!r}: choose one of {choices}</source>
            <translation>未知的学习率调度器 {name!r}：请从 {choices} 中选择</translation>
        </message>
        <message>
            <location filename="../../engine/models/config.py" line="282" />
            <source>with float32 the learning rate and weight decay must be at most {most:.4g}</source>
            <translation>使用 float32 时，学习率和权重衰减最大为 {most:.4g}</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="73" />
            <source>write the scheduler as NAME:key=value,..., got {text!r}</source>
            <translation>调度器的写法应为 NAME:key=value,...，收到的是 {text!r}</translation>
        </message>
        <message>
            <location filename="../../engine/models/config.py" line="254" />
            <source>{activation} is only valid on the output layer</source>
            <translation>{activation} 只能用在输出层</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_cells.py" line="53" />
            <source>{cell} is not a finite number</source>
            <translation>{cell} 不是有限数</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_cells.py" line="51" />
            <source>{cell} is not a number</source>
            <translation>{cell} 不是数字</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_cells.py" line="56" />
            <source>{cell} is too large (x and y must be within ±{most:,.0f})</source>
            <translation>{cell} 太大（x 和 y 必须在 ±{most:,.0f} 以内）</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="131" />
            <source>{file} declares images of {pixels:,} pixels; 1 to {most:,} can be read</source>
            <translation>{file} 声明每张图像有 {pixels:,} 个像素；只能读取 1 到 {most:,} 个</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="126" />
            <source>{file} declares {count:,} samples; 1 to {most:,} can be read</source>
            <translation>{file} 声明有 {count:,} 个样本；只能读取 1 到 {most:,} 个</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="92" />
            <source>{file} declares {sizes} values ({expected:,} bytes with its header) but is {actual:,} bytes long</source>
            <translation>{file} 声明有 {sizes} 个值（连同文件头共 {expected:,} 字节），但文件长 {actual:,} 字节</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="136" />
            <source>{file} declares {total:,} pixels in all; at most {most:,} can be read</source>
            <translation>{file} 声明共有 {total:,} 个像素；最多只能读取 {most:,} 个</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="114" />
            <source>{file} holds values of IDX type 0x{code:02x}; only unsigned bytes (0x08) are read</source>
            <translation>{file} 中的值是 IDX 类型 0x{code:02x}；只能读取无符号字节（0x08）</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="68" />
            <source>{file} is a labels file: open the images file beside it (like train-images-idx3-ubyte) and its labels are found by name</source>
            <translation>{file} 是标签文件：请打开它旁边的图像文件（例如 train-images-idx3-ubyte），标签文件会按文件名自动找到</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="108" />
            <source>{file} is not an IDX file of {dims} dimension(s): it does not start with the bytes 00 00 08 0{dims}</source>
            <translation>{file} 不是 {dims} 维的 IDX 文件：它的开头不是字节 00 00 08 0{dims}</translation>
        </message>
        <message>
            <location filename="../../engine/data/csv_points.py" line="136" />
            <source>{first} (and {count} more bad row(s): line {lines})</source>
            <translation>{first}（另有 {count} 个错误行：第 {lines} 行）</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="40" />
            <source>{images} holds {count} images but {labels} holds {labelled} labels</source>
            <translation>{images} 中有 {count} 张图像，但 {labels} 中有 {labelled} 个标签</translation>
        </message>
        <message>
            <location filename="../../engine/data/idx.py" line="51" />
            <source>{labels} holds only one class ({label}); need 2 or more</source>
            <translation>{labels} 中只有一个类别（{label}）；至少需要 2 个</translation>
        </message>
        <message>
            <location filename="../../engine/training/history.py" line="151" />
            <source>{label} is a value of the dataset's samples, which the DataLoader draws in batches: it cannot be set by hand (set a parameter instead)</source>
            <translation>{label} 是数据集样本中的一个值，DataLoader 会按批次抽取这些样本：它不能手动设置（请改为设置参数）</translation>
        </message>
        <message>
            <location filename="../../engine/training/history.py" line="164" />
            <source>{label} must be a finite number float32 can hold (at most ±{most:.7g}), got {value!r}</source>
            <translation>{label} 必须是 float32 能表示的有限数（绝对值至多 {most:.7g}），实际为 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/training/history.py" line="167" />
            <source>{label} must be a finite number, got {value!r}</source>
            <translation>{label} 必须是有限的数，实际为 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/models/loop_settings.py" line="80" />
            <source>{name} must be a finite number ≥ 0, got {value!r}</source>
            <translation>{name} 必须是 ≥ 0 的有限数，得到的是 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/models/loop_settings.py" line="65" />
            <source>{name} must be a whole number ≥ 0, got {value!r}</source>
            <translation>{name} 必须是 ≥ 0 的整数，得到的是 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/models/clip_limits.py" line="25" />
            <source>{name} takes a finite number of 0 (off) or more, got {value!r}</source>
            <translation>{name} 需要一个不小于 0 的有限数（0 表示关闭），收到的是 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/core/file_limits.py" line="41" />
            <source>{path} is bigger than the {cap} a {what} may be</source>
            <translation>{path} 超过了{what}允许的大小 {cap}</translation>
        </message>
        <message>
            <location filename="../../engine/data/capped_read.py" line="35" />
            <source>{path} is not a readable gzip file: {error}</source>
            <translation>{path} 不是可读取的 gzip 文件：{error}</translation>
        </message>
        <message>
            <location filename="../../engine/core/file_limits.py" line="30" />
            <source>{path} is not a regular file, so it is not a {what}</source>
            <translation>{path} 不是普通文件，因此不是{what}</translation>
        </message>
        <message>
            <location filename="../../engine/io/load_limits.py" line="59" />
            <source>{path} nests deeper than the {cap} levels a {what} may have</source>
            <translation>{path} 的嵌套层数超过了{what}允许的 {cap} 层</translation>
        </message>
        <message>
            <location filename="../../engine/training/schedules.py" line="70" />
            <source>{scheduler} cannot be built: {reason}</source>
            <translation>无法创建 {scheduler}：{reason}</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="78" />
            <source>{scheduler} has no keyword {keyword!r}: choose from {choices}</source>
            <translation>{scheduler} 没有参数 {keyword!r}：可选参数为 {choices}</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="83" />
            <source>{scheduler}: {keyword} is given twice</source>
            <translation>{scheduler}：参数 {keyword} 给了两次</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="154" />
            <source>{scheduler}: {keyword} is one of {choices}, got {value!r}</source>
            <translation>{scheduler}：{keyword} 只能取 {choices} 之一，收到的是 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="161" />
            <source>{scheduler}: {keyword} is true or false, got {value!r}</source>
            <translation>{scheduler}：{keyword} 只能是 true 或 false，收到的是 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="181" />
            <source>{scheduler}: {keyword} must be at least 1, got {value}</source>
            <translation>{scheduler}：{keyword} 至少为 1，收到的是 {value}</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="196" />
            <source>{scheduler}: {keyword} takes a finite number of 0 or more, got {value!r}</source>
            <translation>{scheduler}：{keyword} 需要一个不小于 0 的有限数，收到的是 {value!r}</translation>
        </message>
        <message>
            <location filename="../../engine/models/schedule_spec.py" line="176" />
            <source>{scheduler}: {keyword} takes a whole number, got {value!r}</source>
            <translation>{scheduler}：{keyword} 需要一个整数，收到的是 {value!r}</translation>
        </message>
    </context>
    <context>
        <name>EpochLossPlot</name>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="53" />
            <source>At each epoch's end: the mean of its batch losses, and the loss on the validation set under model.eval() and torch.no_grad()</source>
            <translation>每轮结束时：该轮各批次损失的平均值，以及在 model.eval() 和 torch.no_grad() 下验证集上的损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="44" />
            <source>Loss per epoch</source>
            <translation>每轮损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="69" />
            <source>appears when an epoch with a validation set ends</source>
            <translation>带验证集的一轮结束后显示</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="44" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="64" />
            <source>epoch {0}: train {1:.6g} · validation {2:.6g}</source>
            <translation>第 {0} 轮：训练 {1:.6g} · 验证 {2:.6g}</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="44" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="46" />
            <source>train (mean of the batches)</source>
            <translation>训练（各批次平均）</translation>
        </message>
        <message>
            <location filename="../../gui/views/epoch_plots.py" line="47" />
            <source>validation</source>
            <translation>验证</translation>
        </message>
    </context>
    <context>
        <name>Explain</name>
        <message>
            <location filename="../../engine/explain/phases.py" line="264" />
            <source>AdamW first shrinks {label} by the factor 1 − lr·λ (decoupled decay).</source>
            <translation>AdamW 先把 {label} 乘以因子 1 − lr·λ（解耦的权重衰减）。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="117" />
            <source>Epoch {epoch} has seen every training sample once. model.eval() switches layers such as dropout and batch norm to evaluation; this network has none, so its outputs do not change, but the loop says what it means.</source>
            <translation>第 {epoch} 轮已经把每个训练样本看过一遍。model.eval() 把 dropout、批归一化等层切换到评估模式；这个网络没有这些层，所以输出不变，但循环仍写明它的含义。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="289" />
            <source>Forward: the model is the {function} function; its parameters are the coordinates.</source>
            <translation>前向传播：模型就是 {function} 函数；它的参数就是坐标。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="146" />
            <source>Forward: {neuron} adds up its weighted inputs from {sources} and its bias, then applies {activation}.</source>
            <translation>前向传播：{neuron} 把来自 {sources} 的加权输入与偏置相加，再应用 {activation}。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="275" />
            <source>Lookahead: every {k} steps the slow weights move {alpha} of the way to the fast ones, which then jump there.</source>
            <translation>Lookahead：每 {k} 步，慢权重向快权重移动 {alpha} 的距离，随后快权重跳到该处。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="174" />
            <source>Loss: the function's value is the loss that gradient descent lowers.</source>
            <translation>损失：函数值就是梯度下降要降低的损失。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="166" />
            <source>Loss: {title} of the outputs against the targets.</source>
            <translation>损失：输出与目标之间的{title}。</translation>
        </message>
        <message>
            <location filename="../../engine/training/phases.py" line="250" />
            <source>Published variant: this hidden-layer gradient uses the already-updated output weights, as the post's closing figures do (correct backprop uses the old ones).</source>
            <translation>原文变体：这个隐藏层梯度使用了已更新的输出层权重，与原文结尾的数字一致（正确的反向传播使用旧权重）。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="60" />
            <source>Ready: a {shape} network with its starting parameters. Step (→) to run optimizer.zero_grad().</source>
            <translation>就绪：{shape} 网络，使用初始参数。单步（→）执行 optimizer.zero_grad()。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="73" />
            <source>Ready: the test function {name}, starting at {point}. Step (→) to run optimizer.zero_grad().</source>
            <translation>就绪：测试函数 {name}，起点 {point}。单步（→）执行 optimizer.zero_grad()。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="33" />
            <source>The DataLoader hands over batch {number} of {per_epoch} in epoch {epoch}: {size} of the {total} training samples, drawn in the order its seeded generator shuffled them. Everything below is computed on this batch alone.</source>
            <translation>DataLoader 交出第 {epoch} 轮的第 {number}/{per_epoch} 个批次：{total} 个训练样本中的 {size} 个，按其带种子的生成器打乱的顺序抽取。下面的一切都只在这个批次上计算。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="180" />
            <source>The loss is {value}: training diverged. Go back, or lower the learning rate.</source>
            <translation>损失为 {value}：训练已发散。请后退，或降低学习率。</translation>
        </message>
        <message>
            <location filename="../../engine/training/live_settings.py" line="161" />
            <source>The optimizer's settings changed between iterations ({changes}); the run goes on from the next optimizer.step() with the new values, nothing rebuilt.</source>
            <translation>优化器设置在两次迭代之间更改了（{changes}）；训练继续进行，从下一次 optimizer.step() 起使用新值，模型没有重建。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="97" />
            <source>The {function} function. {note}</source>
            <translation>{function} 函数。{note}</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="253" />
            <source>Weight decay adds {decay}·{label} to the gradient first.</source>
            <translation>权重衰减先把 {decay}·{label} 加到梯度上。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="138" />
            <source>With torch.no_grad() the {count} validation samples go through the model without building a graph: no gradient, no update, only the numbers that say how well epoch {epoch} generalises.</source>
            <translation>在 torch.no_grad() 下，{count} 个验证样本通过模型而不构建计算图：没有梯度，没有更新，只有说明第 {epoch} 轮泛化得如何的数字。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="69" />
            <source>above</source>
            <translation>高于</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="53" />
            <source>clip_grad_norm_ measures all gradients together as one vector. Its length {before} is {compared} the limit {limit}, so every gradient is multiplied by the same factor s = {scale}: the direction stays, the length is at most the limit.</source>
            <translation>clip_grad_norm_ 把所有梯度当作一个向量来度量。它的长度 {before} {compared}上限 {limit}，所以每个梯度都乘以同一个因子 s = {scale}：方向不变，长度至多为上限。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="81" />
            <source>clip_grad_value_ clamps each gradient on its own into [−{limit}, {limit}]: {clipped} of them were outside and now sit at the limit, which can turn the overall direction.</source>
            <translation>clip_grad_value_ 把每个梯度各自限制在 [−{limit}, {limit}] 内：其中 {clipped} 个超出范围，现在停在边界上，这可能改变整体方向。</translation>
        </message>
        <message>
            <location filename="../../engine/training/live_settings.py" line="51" />
            <source>default</source>
            <translation>默认</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="200" />
            <source>loss.backward(): autograd reaches {neuron} and computes its δ = ∂E/∂net_{neuron}.</source>
            <translation>loss.backward()：autograd 到达 {neuron}，计算它的 δ = ∂E/∂net_{neuron}。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="214" />
            <source>loss.backward(): autograd writes ∂E/∂{label} into {label}.grad.</source>
            <translation>loss.backward()：autograd 把 ∂E/∂{label} 写入 {label}.grad。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="243" />
            <source>optimizer.step(): {optimizer} updates {label}.</source>
            <translation>optimizer.step()：{optimizer} 更新 {label}。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="99" />
            <source>optimizer.zero_grad() clears every parameter's .grad (sets it to None), so the coming backward() starts from nothing.</source>
            <translation>optimizer.zero_grad() 清空每个参数的 .grad（设为 None），让接下来的 backward() 从零开始。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="89" />
            <source>optimizer.zero_grad() is skipped: this iteration's backward() will add its gradients onto whatever .grad already holds, so they accumulate.</source>
            <translation>跳过了 optimizer.zero_grad()：本次迭代的 backward() 会把梯度加到 .grad 已有的值上，于是梯度不断累积。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="100" />
            <source>p.grad = None for every parameter</source>
            <translation>每个参数 p.grad = None</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="90" />
            <source>p.grad stays as it is</source>
            <translation>p.grad 保持不变</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="40" />
            <source>samples {indices}</source>
            <translation>样本 {indices}</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="99" />
            <source>scheduler.step() moves the {name} schedule on (step {steps}): the learning rate the next optimizer.step() uses goes from {before} to {after}.</source>
            <translation>scheduler.step() 让 {name} 调度前进一步（第 {steps} 步）：下一次 optimizer.step() 使用的学习率从 {before} 变为 {after}。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/loop_phases.py" line="70" />
            <source>within</source>
            <translation>未超过</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="227" />
            <source>zero_grad was skipped, so it is added to the gradient already there.</source>
            <translation>由于跳过了 zero_grad，它被加到已有的梯度上。</translation>
        </message>
        <message>
            <location filename="../../engine/explain/phases.py" line="293" />
            <source>{formula} at {point} = {value}</source>
            <translation>{formula} 在 {point} 处 = {value}</translation>
        </message>
        <message>
            <location filename="../../engine/models/chain_rule.py" line="269" />
            <source>{head} = Σ over {count} samples of {symbols} = {value}</source>
            <translation>{head} = 对 {count} 个样本求和 Σ {symbols} = {value}</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="127" />
            <source>{label}: a coordinate, trained like a weight.</source>
            <translation>{label}：一个坐标，像权重一样被训练。</translation>
        </message>
        <message>
            <location filename="../../engine/models/function_model.py" line="159" />
            <source>δ_f = ∂E/∂f = 1 (the loss is f itself)</source>
            <translation>δ_f = ∂E/∂f = 1（损失就是 f 本身）</translation>
        </message>
    </context>
    <context>
        <name>ExplanationPanel</name>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="110" />
            <source>Copy formula as LaTeX</source>
            <translation>将公式复制为 LaTeX</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="108" />
            <source>Copy this factor's formula as LaTeX</source>
            <translation>将此因子的公式复制为 LaTeX</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="138" />
            <source>Iteration {0}</source>
            <translation>第 {0} 次迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="123" />
            <source>Selected: {0}</source>
            <translation>已选中：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="65" />
            <source>What the current micro-step does, with its numbers. Click a factor to see where it comes from; right-click to copy the formula as LaTeX.</source>
            <translation>当前微步做了什么，附带具体数值。点击某个因子可查看它从何而来；右键可将公式复制为 LaTeX。</translation>
        </message>
        <message>
            <location filename="../../gui/views/factor_expansion.py" line="79" />
            <source>Where each factor comes from:</source>
            <translation>每个因子从何而来：</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="35" />
            <source>edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="37" />
            <source>forward pass</source>
            <translation>前向传播</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="42" />
            <source>gradient clipping</source>
            <translation>梯度裁剪</translation>
        </message>
        <message>
            <location filename="../../gui/views/factor_expansion.py" line="78" />
            <source>hide all</source>
            <translation>全部收起</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="38" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="34" />
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../gui/views/factor_expansion.py" line="79" />
            <source>show all</source>
            <translation>全部展开</translation>
        </message>
        <message>
            <location filename="../../gui/views/explanation_panel.py" line="45" />
            <source>validation pass</source>
            <translation>验证计算</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../gui/copy_image.py" line="63" />
            <source>Copy image</source>
            <translation>复制图像</translation>
        </message>
        <message>
            <location filename="../../gui/copy_image.py" line="93" />
            <location filename="../../gui/export_menu.py" line="70" />
            <source>Export as {0}…</source>
            <translation>导出为 {0}…</translation>
        </message>
        <message>
            <location filename="../../gui/copy_image.py" line="114" />
            <location filename="../../gui/export_menu.py" line="107" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../gui/copy_image.py" line="104" />
            <location filename="../../gui/export_menu.py" line="87" />
            <source>Export {0}</source>
            <translation>导出 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/export_menu.py" line="97" />
            <source>PNG size</source>
            <translation>PNG 尺寸</translation>
        </message>
        <message>
            <location filename="../../gui/copy_image.py" line="66" />
            <source>Put this figure on the clipboard as an image ({0})</source>
            <translation>把此图形作为图像放到剪贴板（{0}）</translation>
        </message>
        <message>
            <location filename="../../gui/export_menu.py" line="97" />
            <source>Width in pixels:</source>
            <translation>宽度（像素）：</translation>
        </message>
    </context>
    <context>
        <name>FitHint</name>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="231" />
            <source>A circle needs a closed boundary of at least 3 lines, but {units} unit(s) in the first hidden layer draw only {units} — try 4 or more.</source>
            <translation>圆形需要至少由 3 条直线围成的封闭边界，但第一隐藏层的 {units} 个单元只能画出 {units} 条直线——试试 4 个或更多。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="281" />
            <source>A learning rate of {lr} barely moves the weights: the loss went only from {first} to {last} in {epochs} epochs — try 0.1 to 0.5.</source>
            <translation>学习率 {lr} 几乎不改变权重：{epochs} 轮中损失只从 {first} 降到 {last}——试试 0.1 到 0.5。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="251" />
            <source>A spiral winds one and a half turns: {shape} cannot bend the boundary that often — try two layers of 32 relu units (32, 32).</source>
            <translation>螺旋绕了一圈半：{shape}无法让边界弯折这么多次——试试两层各 32 个 relu 单元（32, 32）。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="201" />
            <source>NLL on sigmoid or tanh outputs only rewards the right class and never pushes the others down — choose log_softmax + NLL (cross-entropy).</source>
            <translation>在 sigmoid 或 tanh 输出上用 NLL 只会奖励正确类别，从不压低其他类别——请选择 log_softmax + NLL（交叉熵）。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="271" />
            <source>Only {epochs} epoch(s) so far: a network needs many passes over the points — train for more epochs.</source>
            <translation>目前只训练了 {epochs} 轮：网络需要多次遍历数据点——请训练更多轮。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="308" />
            <source>Still learning: the loss averaged {earlier} over {window} epochs and {lately} over the last {window}, {recent} lower — train for more epochs.</source>
            <translation>仍在学习：损失在之前 {window} 轮平均为 {earlier}，最近 {window} 轮平均为 {lately}，降低了 {recent}——请训练更多轮。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="293" />
            <source>The loss is stuck near that of guessing ({chance}): it averaged {earlier} over {window} epochs and {lately} over the last {window}. The network sits on a plateau — train longer (tanh nets often break through after a few hundred epochs), or change the activation or the learning rate.</source>
            <translation>损失停在接近随机猜测的水平（{chance}）：之前 {window} 轮平均为 {earlier}，最近 {window} 轮平均为 {lately}。网络停在平台区——请训练更久（tanh 网络往往在几百轮后突破），或更换激活函数或学习率。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="191" />
            <source>The loss jumps up and down (between {lowest} and {highest}): a learning rate of {lr} overshoots — try {smaller}.</source>
            <translation>损失忽高忽低（在 {lowest} 与 {highest} 之间）：学习率 {lr} 步子太大——试试 {smaller}。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="211" />
            <source>The step function's gradient is 0 everywhere, so the hidden layers never learn — choose tanh or relu.</source>
            <translation>阶跃函数的梯度处处为 0，隐藏层永远学不到东西——请选择 tanh 或 relu。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="261" />
            <source>Train accuracy {train} but test {test}: the network memorised the training points and more epochs will not help — try fewer units or more points.</source>
            <translation>训练准确率 {train}，测试却只有 {test}：网络记住了训练点，再多训练也无济于事——试试减少单元或增加数据点。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="221" />
            <source>With identity hidden units the whole network is linear: it draws one straight line, and these points need a curved boundary — choose tanh or relu.</source>
            <translation>隐藏单元使用恒等函数时整个网络是线性的：它只能画一条直线，而这些点需要弯曲的边界——请选择 tanh 或 relu。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="241" />
            <source>XOR's four quarters need about 3 lines, but {units} unit(s) in the first hidden layer draw only {units} — try 4 or more.</source>
            <translation>XOR 的四个象限大约需要 3 条直线，但第一隐藏层的 {units} 个单元只能画出 {units} 条——试试 4 个或更多。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="181" />
            <source>Your points reach {size}: inputs that large saturate the hidden units and make SGD overshoot — scale x and y to about −1 … 1.</source>
            <translation>你的数据点达到 {size}：这么大的输入会让隐藏单元饱和并让 SGD 步子过大——请先把 x 和 y 缩放到约 −1 … 1。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="113" />
            <source>hidden layers of {sizes} units</source>
            <translation>各有 {sizes} 个单元的隐藏层</translation>
        </message>
        <message>
            <location filename="../../engine/labs/fit_hints.py" line="111" />
            <source>one hidden layer of {units} units</source>
            <translation>一个含 {units} 个单元的隐藏层</translation>
        </message>
    </context>
    <context>
        <name>FrameRecorder</name>
        <message>
            <location filename="../../gui/animation_export.py" line="95" />
            <source>Recording stopped at frame {0}: {1}</source>
            <translation>录制在第 {0} 帧停止：{1}</translation>
        </message>
    </context>
    <context>
        <name>GifCaption</name>
        <message>
            <location filename="../../gui/gif_caption.py" line="59" />
            <source>After {0} iterations</source>
            <translation>{0} 次迭代之后</translation>
        </message>
        <message>
            <location filename="../../gui/gif_caption.py" line="53" />
            <location filename="../../gui/gif_caption.py" line="60" />
            <source>E = {0}</source>
            <translation>E = {0}</translation>
        </message>
        <message>
            <location filename="../../gui/gif_caption.py" line="49" />
            <source>Iteration {0} · micro-step {1}/{2} · {3}</source>
            <translation>第 {0} 次迭代 · 微步 {1}/{2} · {3}</translation>
        </message>
        <message>
            <location filename="../../gui/gif_caption.py" line="38" />
            <source>update {0}</source>
            <translation>更新 {0}</translation>
        </message>
    </context>
    <context>
        <name>GradNormPlot</name>
        <message>
            <location filename="../../gui/views/grad_norm_plot.py" line="16" />
            <source>Gradient norm</source>
            <translation>梯度范数</translation>
        </message>
        <message>
            <location filename="../../gui/views/grad_norm_plot.py" line="20" />
            <source>Length of the gradient used by each finished iteration</source>
            <translation>每次已完成迭代所用梯度的长度</translation>
        </message>
        <message>
            <location filename="../../gui/views/grad_norm_plot.py" line="17" />
            <source>Logarithmic gradient-norm axis</source>
            <translation>梯度范数轴使用对数刻度</translation>
        </message>
        <message>
            <location filename="../../gui/views/grad_norm_plot.py" line="16" />
            <source>iteration</source>
            <translation>迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/grad_norm_plot.py" line="24" />
            <source>last {0:.6g}</source>
            <translation>最新 {0:.6g}</translation>
        </message>
        <message>
            <location filename="../../gui/views/grad_norm_plot.py" line="16" />
            <source>‖∇E‖</source>
            <translation>‖∇E‖</translation>
        </message>
    </context>
    <context>
        <name>GradientCheckLab</name>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="86" />
            <source>AG: autograd; FD: finite differences; rel. error: |a − b| / max(|a|, |b|, floor)</source>
            <translation>AG：autograd；FD：有限差分；相对误差：|a − b| / max(|a|, |b|, floor)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="59" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="161" />
            <source>Check cancelled.</source>
            <translation>检验已取消。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="55" />
            <source>Check the current model</source>
            <translation>检验当前模型</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="134" />
            <source>Checking…</source>
            <translation>检验中…</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="58" />
            <source>Compare finite differences, autograd and the chain rule for every parameter</source>
            <translation>对每个参数比较有限差分、autograd 和链式法则</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="52" />
            <source>No model is connected to this lab.</source>
            <translation>这个实验没有连接模型。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="118" />
            <source>Press “Check the current model”: every gradient three ways, side by side.</source>
            <translation>按“检验当前模型”：每个梯度用三种方法并排计算。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="89" />
            <source>Relative error per parameter</source>
            <translation>各参数的相对误差</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="61" />
            <source>Stop the check</source>
            <translation>停止检验</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="157" />
            <source>The check failed: {m}</source>
            <translation>检验失败：{m}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="170" />
            <source>all three agree</source>
            <translation>三者一致</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="74" />
            <source>autograd</source>
            <translation>autograd</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="99" />
            <source>autograd vs finite differences</source>
            <translation>autograd 对比有限差分</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="75" />
            <source>chain rule</source>
            <translation>链式法则</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="106" />
            <source>chain rule vs autograd</source>
            <translation>链式法则对比 autograd</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="73" />
            <source>finite difference</source>
            <translation>有限差分</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="193" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="71" />
            <location filename="../../gui/labs/gradient_check_lab.py" line="90" />
            <source>parameter</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="76" />
            <source>rel. error FD ↔ AG</source>
            <translation>相对误差 FD ↔ AG</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="77" />
            <source>rel. error chain ↔ AG</source>
            <translation>相对误差 链式 ↔ AG</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="91" />
            <source>relative error (log scale)</source>
            <translation>相对误差（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="172" />
            <source>some gradients disagree: look at the red rows</source>
            <translation>有些梯度不一致：请看红色的行</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="111" />
            <source>tolerance</source>
            <translation>容差</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="72" />
            <source>trained</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="193" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../gui/labs/gradient_check_lab.py" line="178" />
            <source>{n} of {total} parameters checked at loss {loss}; worst relative error {w:.1e} (tolerance {t:.0e}): {verdict}. Finite differences use the five-point stencil with h = 1e-3, in float64.</source>
            <translation>在损失 {loss} 处检验了 {total} 个参数中的 {n} 个；最大相对误差 {w:.1e}（容差 {t:.0e}）：{verdict}。有限差分使用五点模板，h = 1e-3，float64 精度。</translation>
        </message>
    </context>
    <context>
        <name>GradientCloudLayer</name>
        <message>
            <location filename="../../gui/views/gradient_cloud_layer.py" line="66" />
            <source>batch of {0}: {1}g</source>
            <translation>{0} 个样本的批：{1}g</translation>
        </message>
        <message>
            <location filename="../../gui/views/gradient_cloud_layer.py" line="64" />
            <source>one sample each: {0}gᵢ</source>
            <translation>每个样本一支：{0}gᵢ</translation>
        </message>
        <message>
            <location filename="../../gui/views/gradient_cloud_layer.py" line="68" />
            <source>whole training set: {0}∇E</source>
            <translation>整个训练集：{0}∇E</translation>
        </message>
    </context>
    <context>
        <name>GradientCloudPanel</name>
        <message>
            <location filename="../../gui/gradient_cloud_panel.py" line="100" />
            <source>Gradient noise</source>
            <translation>梯度噪声</translation>
        </message>
        <message>
            <location filename="../../gui/gradient_cloud_panel.py" line="44" />
            <source>How many samples each mini-batch gradient averages</source>
            <translation>每个小批量梯度平均多少个样本</translation>
        </message>
        <message>
            <location filename="../../gui/gradient_cloud_panel.py" line="127" />
            <source>Loss over {a} and {b}, {n} samples</source>
            <translation>{a} 与 {b} 上的损失，{n} 个样本</translation>
        </message>
        <message>
            <location filename="../../gui/gradient_cloud_panel.py" line="137" />
            <source>a batch size must be between 1 and {0}</source>
            <translation>批大小必须在 1 到 {0} 之间</translation>
        </message>
        <message>
            <location filename="../../gui/gradient_cloud_panel.py" line="43" />
            <source>batch size </source>
            <translation>批大小 </translation>
        </message>
        <message>
            <location filename="../../gui/gradient_cloud_panel.py" line="62" />
            <source>of {0} training samples</source>
            <translation>（共 {0} 个训练样本）</translation>
        </message>
    </context>
    <context>
        <name>GraphicsScene</name>
        <message>
            <source>Export...</source>
            <translation>导出…</translation>
        </message>
    </context>
    <context>
        <name>HeadComparisonAction</name>
        <message>
            <location filename="../../gui/head_comparison_action.py" line="42" />
            <source>Cannot compare output heads: {0}</source>
            <translation>无法比较输出头：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_action.py" line="29" />
            <source>Compare output &amp;heads…</source>
            <translation>比较输出头(&amp;H)…</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_action.py" line="32" />
            <source>Train this network, seed and batches with each output head and compare accuracy</source>
            <translation>用每种输出头以相同的网络、种子和批次训练，并比较准确率</translation>
        </message>
    </context>
    <context>
        <name>HeadComparisonDialog</name>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="56" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="74" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="42" />
            <source>Compare output heads</source>
            <translation>比较输出头</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="141" />
            <source>Comparison cancelled: nothing was changed.</source>
            <translation>比较已取消：没有任何改动。</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="89" />
            <source>Network {shape} on {data}, seed {seed}, {epochs} epoch(s): every head starts from the same weights and sees the same batches; only the output activation and the loss change.</source>
            <translation>网络 {shape}，数据 {data}，种子 {seed}，{epochs} 轮：每种输出头都从相同的权重出发、看到相同的批次；只有输出激活函数和损失不同。</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="93" />
            <source>Output head</source>
            <translation>输出头</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="57" />
            <source>Stop the comparison; the run is not touched</source>
            <translation>停止比较；当前运行不受影响</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="94" />
            <source>Validation accuracy</source>
            <translation>验证准确率</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="151" />
            <source>Validation accuracy (%)</source>
            <translation>验证准确率（%）</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="95" />
            <source>Validation loss</source>
            <translation>验证损失</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="146" />
            <source>diverged</source>
            <translation>发散</translation>
        </message>
        <message>
            <location filename="../../gui/head_comparison_dialog.py" line="153" />
            <source>• {title}: {sentence}</source>
            <translation>• {title}：{sentence}</translation>
        </message>
    </context>
    <context>
        <name>IterationPlot</name>
        <message>
            <location filename="../../gui/views/iteration_plot.py" line="86" />
            <source>From iteration {0}: {1}</source>
            <translation>从第 {0} 次迭代起：{1}</translation>
        </message>
        <message>
            <location filename="../../gui/views/iteration_plot.py" line="98" />
            <source>log</source>
            <translation>对数</translation>
        </message>
    </context>
    <context>
        <name>LabsWidget</name>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="59" />
            <source>Activations</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="70" />
            <source>Classification</source>
            <translation>分类</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="71" />
            <source>Decision boundary and output activations</source>
            <translation>决策边界与输出层激活函数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="68" />
            <source>Finite differences, autograd, chain rule</source>
            <translation>有限差分、autograd、链式法则</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="67" />
            <source>Gradient check</source>
            <translation>梯度检验</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="62" />
            <source>Gradient norm per layer</source>
            <translation>各层的梯度范数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="64" />
            <source>Jacobian and p − y</source>
            <translation>雅可比矩阵与 p − y</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="66" />
            <source>Same numbers, different side effects</source>
            <translation>数值相同，副作用不同</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="63" />
            <source>Softmax &amp; cross-entropy</source>
            <translation>Softmax 与交叉熵</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="61" />
            <source>Vanishing gradients</source>
            <translation>梯度消失</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="65" />
            <source>autograd.grad vs backward</source>
            <translation>autograd.grad 对比 backward()</translation>
        </message>
        <message>
            <location filename="../../gui/labs/labs_widget.py" line="60" />
            <source>f(x), f′(x), saturation, tangent</source>
            <translation>f(x)、f′(x)、饱和、切线</translation>
        </message>
    </context>
    <context>
        <name>LandscapePanel</name>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="107" />
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="111" />
            <source>3-D</source>
            <translation>3D</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="185" />
            <source>3-D view unavailable: </source>
            <translation>3D 视图不可用：</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="306" />
            <source>A click places the parameters only on a plane of two parameters.</source>
            <translation>只有在由两个参数构成的平面上，单击才能放置参数。</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="110" />
            <source>Colour by log₁₀(loss − min): shows the valley floor</source>
            <translation>按 log₁₀(损失 − 最小值) 着色：显出谷底</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="258" />
            <source>Computing the loss surface…</source>
            <translation>正在计算损失曲面…</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="265" />
            <source>Computing the loss surface… {0}%</source>
            <translation>正在计算损失曲面… {0}%</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="108" />
            <source>Grid points per axis</source>
            <translation>每个轴的网格点数</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="314" />
            <source>Loss over {a} and {b}</source>
            <translation>关于 {a} 和 {b} 的损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="190" />
            <source>Loss surface in 3-D</source>
            <translation>三维损失曲面</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="98" />
            <source>Parameter on the horizontal axis</source>
            <translation>横轴上的参数</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="99" />
            <source>Parameter on the vertical axis</source>
            <translation>纵轴上的参数</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="45" />
            <source>Principal components of the trajectory</source>
            <translation>轨迹的主成分</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="44" />
            <source>Random filter-normalised directions</source>
            <translation>按滤波器归一化的随机方向</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="114" />
            <source>Rebuild the plane around the current point</source>
            <translation>围绕当前点重建平面</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="113" />
            <source>Recentre</source>
            <translation>重新居中</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="103" />
            <source>Seed of the random directions</source>
            <translation>随机方向的种子</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="112" />
            <source>Show the surface in 3-D (needs OpenGL)</source>
            <translation>以 3D 显示曲面（需要 OpenGL）</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="275" />
            <source>The loss surface could not be computed: </source>
            <translation>无法计算损失曲面：</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="169" />
            <source>The other parameters are held at the current point, so the surface moves as they train.</source>
            <translation>其他参数固定在当前点，因此曲面会随着它们的训练而变化。</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="173" />
            <source>The plane of the trajectory's two main directions, centred on the last point; the path is projected onto it.</source>
            <translation>由轨迹的两个主方向张成、以最后一点为中心的平面；路径投影到该平面上。</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="42" />
            <source>Two parameters (slice through the current point)</source>
            <translation>两个参数（过当前点的切片）</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="96" />
            <source>Which 2-D plane through parameter space to draw</source>
            <translation>在参数空间中画哪个二维平面</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="296" />
            <source>click: set {0} and {1} here (← undoes each)</source>
            <translation>单击：把 {0} 和 {1} 设在此处（← 逐个撤销）</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="109" />
            <source>log colour</source>
            <translation>对数着色</translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="102" />
            <source>seed </source>
            <translation>种子 </translation>
        </message>
        <message>
            <location filename="../../gui/views/landscape_panel.py" line="171" />
            <source>θ = θ₀ + a·d₁ + b·d₂, each direction scaled filter by filter to the weights' norms (Li et al. 2018); the path is projected onto it.</source>
            <translation>θ = θ₀ + a·d₁ + b·d₂，每个方向按滤波器逐个缩放到权重的范数（Li et al. 2018）；路径投影到该平面上。</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../../gui/language.py" line="86" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/language.py" line="132" />
            <source>Language: {0}</source>
            <translation>语言：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/language.py" line="94" />
            <source>Show the interface in {0}</source>
            <translation>以{0}显示界面</translation>
        </message>
        <message>
            <location filename="../../gui/language.py" line="117" />
            <source>The translation for {0} is missing.</source>
            <translation>缺少 {0} 的翻译。</translation>
        </message>
        <message>
            <location filename="../../gui/language.py" line="112" />
            <source>Wait for the run to finish (or cancel it) first.</source>
            <translation>请先等待运行结束（或取消）。</translation>
        </message>
    </context>
    <context>
        <name>LayerColumns</name>
        <message>
            <location filename="../../gui/views/layer_columns_view.py" line="183" />
            <source>Click: zoom into {0}</source>
            <translation>点击：放大查看 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/neuron_zoom.py" line="56" />
            <source>Close the zoom</source>
            <translation>关闭放大视图</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/panels.py" line="100" />
            <source>Colour scale of the weights, symmetric around 0</source>
            <translation>权重的颜色刻度，以 0 为中心对称</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/texts.py" line="46" />
            <source>Hidden {0} ({1})</source>
            <translation>隐藏层 {0}（{1}）</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/panels.py" line="124" />
            <source>Highest out in this column</source>
            <translation>此列中最大的 out</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/texts.py" line="43" />
            <source>Inputs ({0})</source>
            <translation>输入（{0}）</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/neuron_zoom.py" line="65" />
            <source>Its incoming weights laid out as the input picture</source>
            <translation>其输入权重按输入图像的形状排列</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/texts.py" line="35" />
            <source>Layer {0}: {1} → {2}</source>
            <translation>第 {0} 层：{1} → {2}</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/panels.py" line="125" />
            <source>Lowest out in this column</source>
            <translation>此列中最小的 out</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/panels.py" line="103" />
            <source>Norms of this layer's weight and bias gradients (— when cleared)</source>
            <translation>本层权重梯度和偏置梯度的范数（已清零时显示 —）</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/texts.py" line="45" />
            <source>Outputs ({0})</source>
            <translation>输出（{0}）</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/neuron_zoom.py" line="100" />
            <source>bias {0} = {1}</source>
            <translation>偏置 {0} = {1}</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/neuron_zoom.py" line="118" />
            <source>input neuron</source>
            <translation>输入神经元</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/neuron_zoom.py" line="98" />
            <source>{0}: incoming weights (layer {1})</source>
            <translation>{0}：输入权重（第 {1} 层）</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns_view.py" line="196" />
            <source>{0}: out = {1}</source>
            <translation>{0}：out = {1}</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns_view.py" line="176" />
            <source>{0}: {1} → {2} = {3}, ∂E/∂{0} = {4}</source>
            <translation>{0}：{1} → {2} = {3}，∂E/∂{0} = {4}</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/panels.py" line="113" />
            <source>‖∇W‖ {0}</source>
            <translation>‖∇W‖ {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/panels.py" line="114" />
            <source>‖∇b‖ {0}</source>
            <translation>‖∇b‖ {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/layer_columns/neuron_zoom.py" line="101" />
            <source>‖∇‖ of its weights and bias: {0}</source>
            <translation>其权重与偏置的梯度范数 ‖∇‖：{0}</translation>
        </message>
    </context>
    <context>
        <name>LearningRateSlider</name>
        <message>
            <location filename="../../gui/views/lr_slider.py" line="48" />
            <source>Learning rate (log scale): the optimizer uses it from the next iteration, even while playing; back (←) undoes the change</source>
            <translation>学习率（对数刻度）：优化器从下一次迭代起使用它，播放时也可以调；后退（←）可撤销这次更改</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_slider.py" line="37" />
            <source>lr</source>
            <translation>学习率</translation>
        </message>
    </context>
    <context>
        <name>LessonPanel</name>
        <message>
            <location filename="../../gui/lessons/panel.py" line="140" />
            <source> · working…</source>
            <translation> · 处理中…</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="132" />
            <source>Choose a lesson above, or from the Lessons menu.</source>
            <translation>在上方选择一节课，或从“课程”菜单中选择。</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="47" />
            <source>Click a lesson to start it</source>
            <translation>点击一节课开始学习</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="68" />
            <source>Do the next step in the app and explain it</source>
            <translation>在应用中执行下一步并加以解释</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="66" />
            <source>Go to the previous step (the lesson is replayed)</source>
            <translation>回到上一步（课程会重新播放）</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="131" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/step_text.py" line="125" />
            <source>Lessons open web links only (http or https): {0}</source>
            <translation>课程只会打开网页链接（http 或 https）：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/step_text.py" line="126" />
            <source>Link not opened</source>
            <translation>未打开链接</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="67" />
            <source>Next ▶</source>
            <translation>下一步 ▶</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/step_text.py" line="129" />
            <source>Open link?</source>
            <translation>打开链接？</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/step_text.py" line="128" />
            <source>Open this address in your web browser?
{0}</source>
            <translation>要在浏览器中打开这个地址吗？
{0}</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="69" />
            <source>Restart</source>
            <translation>重新开始</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="102" />
            <source>Some lesson files could not be read:
</source>
            <translation>有些课程文件无法读取：
</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="70" />
            <source>Start this lesson again from its first step</source>
            <translation>从第一步重新开始这节课</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="137" />
            <source>Step {0} of {1}</source>
            <translation>第 {0} 步，共 {1} 步</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="125" />
            <source>This step could not be done: {0}</source>
            <translation>这一步无法执行：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="59" />
            <source>What to look at in this step</source>
            <translation>这一步要看什么</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/step_text.py" line="113" />
            <source>[image]</source>
            <translation>[图片]</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="93" />
            <source>{0} (broken)</source>
            <translation>{0}（已损坏）</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/panel.py" line="65" />
            <source>◀ Previous step</source>
            <translation>◀ 上一步</translation>
        </message>
    </context>
    <context>
        <name>LessonPlayer</name>
        <message>
            <location filename="../../gui/lessons/player.py" line="104" />
            <source>A run is in progress: wait for it or cancel it first.</source>
            <translation>正在运行：请先等待它结束或取消。</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/executor.py" line="44" />
            <source>The app refused this step.</source>
            <translation>应用拒绝了这一步。</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/executor.py" line="99" />
            <source>The network has no element {0}.</source>
            <translation>网络中没有元素 {0}。</translation>
        </message>
        <message>
            <location filename="../../gui/pages/tabs.py" line="74" />
            <source>The network has no parameter {0}.</source>
            <translation>网络中没有参数 {0}。</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/executor.py" line="108" />
            <source>This loop has no {0} line.</source>
            <translation>这个循环里没有 {0} 这一行。</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/executor.py" line="76" />
            <source>This model never reaches {0}.</source>
            <translation>这个模型永远不会到达 {0}。</translation>
        </message>
        <message>
            <location filename="../../gui/pages/page.py" line="45" />
            <source>{0} is not offered here.</source>
            <translation>这里不提供 {0}。</translation>
        </message>
    </context>
    <context>
        <name>Lessons</name>
        <message>
            <location filename="../../gui/lessons/install.py" line="71" />
            <source>&amp;Lessons</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/install.py" line="51" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/install.py" line="92" />
            <source>Open the lessons panel beside the app</source>
            <translation>在应用旁打开课程面板</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/install.py" line="91" />
            <source>Show lessons panel</source>
            <translation>显示课程面板</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/install.py" line="63" />
            <source>Show or hide the lessons panel</source>
            <translation>显示或隐藏课程面板</translation>
        </message>
        <message>
            <location filename="../../gui/lessons/install.py" line="85" />
            <source>{0} (broken)</source>
            <translation>{0}（已损坏）</translation>
        </message>
    </context>
    <context>
        <name>LiveCloud</name>
        <message>
            <location filename="../../gui/live_cloud.py" line="93" />
            <source>The cloud is drawn over two parameters of the network.</source>
            <translation>梯度云只在以网络的两个参数为坐标轴的平面上绘制。</translation>
        </message>
        <message>
            <location filename="../../gui/live_cloud.py" line="133" />
            <source>a random batch of {0} (seed {1})</source>
            <translation>随机抽取的 {0} 个样本的批次（种子 {1}）</translation>
        </message>
        <message>
            <location filename="../../gui/live_cloud.py" line="143" />
            <source>of {0} training samples: {1}</source>
            <translation>共 {0} 个训练样本：{1}</translation>
        </message>
        <message>
            <location filename="../../gui/live_cloud.py" line="131" />
            <source>the batch of iteration {0}</source>
            <translation>第 {0} 次迭代的批次</translation>
        </message>
    </context>
    <context>
        <name>LoopHeads</name>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="96" />
            <source>F.cross_entropy applies log_softmax itself, so softmax outputs are squashed twice: the scores it sees lie between 0 and 1, the loss can never fall below log(1 + (K − 1)/e) for K classes, and the gradients stay small.</source>
            <translation>F.cross_entropy 自己会再做一次 log_softmax，所以 softmax 的输出被压缩了两次：它看到的分数都在 0 到 1 之间，K 个类别时损失永远不会低于 log(1 + (K − 1)/e)，梯度也一直很小。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="70" />
            <source>NLL over sigmoid outputs rewards only the true class's output, −σ(z_true): it pushes the true class up without ever pushing the others down, and each push fades as σ saturates near 1.</source>
            <translation>在 sigmoid 输出上用 NLL 只奖励正确类别的输出 −σ(z_true)：它把正确类别往上推，却从不把其他类别往下压；而且 σ 接近 1 饱和时，每次推动都会减弱。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="57" />
            <source>NLL over softmax outputs is −p(true class), not its log: the push p·(1 − p) fades as p nears 1 and also as it nears 0, so badly misclassified samples are given up on, and the loss (between −1 and 0) is no longer a log-likelihood.</source>
            <translation>在 softmax 输出上用 NLL 得到的是 −p(正确类别)，而不是它的对数：推动力 p·(1 − p) 在 p 接近 1 时减弱，在 p 接近 0 时也减弱，于是错得很厉害的样本被放弃了；而且这个损失（介于 −1 和 0 之间）不再是对数似然。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="83" />
            <source>NLL over tanh outputs is the same one-sided reward, −tanh(z_true), with a slope four times sigmoid's at 0, so it moves faster at first but still never pushes the wrong classes down.</source>
            <translation>在 tanh 输出上用 NLL 是同样的单向奖励 −tanh(z_true)，它在 0 处的斜率是 sigmoid 的四倍，所以一开始走得更快，但仍然从不把错误的类别往下压。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="37" />
            <source>log_softmax + NLL</source>
            <translation>log_softmax + NLL</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="44" />
            <source>log_softmax + NLL is cross-entropy, −log p(true class): each score's gradient is p − one-hot, so every sample pushes its true class up and all the others down, hardest where the network is most wrong.</source>
            <translation>log_softmax + NLL 就是交叉熵 −log p(正确类别)：每个分数的梯度是 p − one-hot，所以每个样本都把正确类别往上推、把其他所有类别往下压，网络错得越厉害，推得越用力。</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="63" />
            <source>sigmoid + NLL</source>
            <translation>sigmoid + NLL</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="50" />
            <source>softmax + NLL</source>
            <translation>softmax + NLL</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="89" />
            <source>softmax + cross-entropy</source>
            <translation>softmax + 交叉熵</translation>
        </message>
        <message>
            <location filename="../../engine/labs/loop_head_table.py" line="76" />
            <source>tanh + NLL</source>
            <translation>tanh + NLL</translation>
        </message>
    </context>
    <context>
        <name>LoopViews</name>
        <message>
            <location filename="../../gui/loop_views.py" line="63" />
            <source>Needs a classification run with a validation share above 0.</source>
            <translation>需要验证集比例大于 0 的分类训练。</translation>
        </message>
        <message>
            <location filename="../../gui/loop_views.py" line="59" />
            <source>Not computed: {0}</source>
            <translation>未能计算：{0}</translation>
        </message>
    </context>
    <context>
        <name>LoopWindow</name>
        <message>
            <location filename="../../gui/loop_window.py" line="59" />
            <source>Epoch {0}{1} · batch {2}/{3}</source>
            <translation>第 {0}{1} 轮 · 第 {2}/{3} 批</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="80" />
            <source>Open &amp;dataset…</source>
            <translation>打开数据集(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="70" />
            <source>Run every micro-step of the current line of the loop (all of forward, …)</source>
            <translation>执行循环当前这一行的所有微步（整个前向传播，……）</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="137" />
            <source>Run one line of the loop: this network is too wide to follow value by value</source>
            <translation>执行循环的一行：这个网络太宽，无法逐个数值跟随</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="76" />
            <source>Run to the end of the current epoch (off the window's thread when long)</source>
            <translation>运行到当前这一轮的末尾（较长时在窗口线程之外运行）</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="75" />
            <source>Step epoch ⇥⇥</source>
            <translation>单步一轮 ⇥⇥</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="69" />
            <source>Step line ↓</source>
            <translation>单步一行 ↓</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="96" />
            <source>The epoch and the batch within it</source>
            <translation>当前轮次及其中的批次</translation>
        </message>
        <message>
            <location filename="../../gui/loop_window.py" line="83" />
            <source>Use a CSV (x, y, label) or an MNIST-format IDX images file as the dataset</source>
            <translation>使用 CSV 文件（x, y, 标签）或 MNIST 格式的 IDX 图像文件作为数据集</translation>
        </message>
    </context>
    <context>
        <name>Loss</name>
        <message>
            <source>Cross-entropy</source>
            <translation>交叉熵</translation>
        </message>
        <message>
            <source>Half sum of squared errors</source>
            <translation>误差平方和的一半</translation>
        </message>
        <message>
            <source>Mean squared error</source>
            <translation>均方误差</translation>
        </message>
        <message>
            <source>Negative log-likelihood</source>
            <translation>负对数似然</translation>
        </message>
    </context>
    <context>
        <name>LossPlot</name>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="64" />
            <source> · previous run {0:.9g}</source>
            <translation> · 上一次训练 {0:.9g}</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="24" />
            <source>Logarithmic loss axis</source>
            <translation>损失轴使用对数刻度</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="23" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="31" />
            <source>The loss of each finished iteration; hover to read a value</source>
            <translation>每次已完成迭代的损失；悬停可读取数值</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="45" />
            <source>appears when an iteration finishes</source>
            <translation>一次迭代完成后显示</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="23" />
            <source>iteration</source>
            <translation>迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="61" />
            <source>iteration {0}: loss {1:.9g}</source>
            <translation>第 {0} 次迭代：损失 {1:.9g}</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="40" />
            <source>last {0:.9g}</source>
            <translation>最新 {0:.9g}</translation>
        </message>
        <message>
            <location filename="../../gui/views/loss_plot.py" line="23" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
    </context>
    <context>
        <name>LossStatus</name>
        <message>
            <location filename="../../gui/loss_status.py" line="39" />
            <source>E {0} (preview)</source>
            <translation>E {0}（预览）</translation>
        </message>
        <message>
            <location filename="../../gui/loss_status.py" line="34" />
            <source>loss {0}</source>
            <translation>损失 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/loss_status.py" line="31" />
            <source>loss {0} before the step · {1} after</source>
            <translation>损失：更新前 {0} · 更新后 {1}</translation>
        </message>
        <message>
            <location filename="../../gui/loss_status.py" line="30" />
            <source>loss —</source>
            <translation>损失 —</translation>
        </message>
    </context>
    <context>
        <name>LrPlot</name>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="26" />
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="50" />
            <source>The learning rate each optimizer.step() used (solid), the schedule's plan (faint, dashed) and the iteration being stepped (the orange dot)</source>
            <translation>每次 optimizer.step() 使用的学习率（实线）、调度器的计划（浅色虚线）以及正在单步执行的迭代（橙色圆点）</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="26" />
            <source>iteration</source>
            <translation>迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="71" />
            <source>last {0:.6g}</source>
            <translation>最新 {0:.6g}</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="26" />
            <source>lr</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="34" />
            <source>lr used</source>
            <translation>实际学习率</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="41" />
            <source>next lr</source>
            <translation>下一次学习率</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="73" />
            <source>next {0:.6g}</source>
            <translation>下一次 {0:.6g}</translation>
        </message>
        <message>
            <location filename="../../gui/views/lr_plot.py" line="31" />
            <source>planned lr</source>
            <translation>计划学习率</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../gui/window_menus.py" line="139" />
            <source>&amp;About Backprop Studio</source>
            <translation>关于 Backprop Studio(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="96" />
            <source>&amp;Copy image</source>
            <translation>复制图像(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="89" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="67" />
            <source>&amp;Export all figures…</source>
            <translation>导出全部图形(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="62" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="129" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="132" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="85" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="104" />
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="121" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="144" />
            <source>Activations, vanishing gradients, softmax, autograd, classification</source>
            <translation>激活函数、梯度消失、softmax、autograd、分类</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="80" />
            <source>Backprop Studio</source>
            <translation>Backprop Studio</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="141" />
            <location filename="../../gui/main_window.py" line="268" />
            <source>Basin map</source>
            <translation>吸引域图</translation>
        </message>
        <message>
            <location filename="../../gui/window_animations.py" line="108" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="111" />
            <source>Cancel run</source>
            <translation>取消运行</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="85" />
            <source>Close Backprop Studio</source>
            <translation>关闭 Backprop Studio</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="179" />
            <source>Copied the figure to the clipboard ({0} × {1} pixels)</source>
            <translation>已将图形复制到剪贴板（{0} × {1} 像素）</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="97" />
            <source>Copy the figure under the pointer (or the focused one) to the clipboard</source>
            <translation>把指针下的图形（或当前焦点所在的图形）复制到剪贴板</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="133" />
            <source>Every keyboard shortcut, with what it does</source>
            <translation>所有键盘快捷键及其作用</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="80" />
            <source>Export &amp;iteration animation (GIF)…</source>
            <translation>导出迭代动画 (GIF)(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="149" />
            <source>Export all figures to</source>
            <translation>导出全部图形到</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="185" />
            <source>Export animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="74" />
            <source>Export descent &amp;animation (GIF)…</source>
            <translation>导出下降动画 (GIF)(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="166" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="158" />
            <source>Exporting at the run's next consistent point…</source>
            <translation>将在训练的下一个一致点导出…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="262" />
            <source>Gradient norm per iteration</source>
            <translation>每次迭代的梯度范数</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="371" />
            <source>Iteration {0} · {1} done</source>
            <translation>第 {0} 次迭代 · 已完成 {1} 次</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="143" />
            <source>Labs</source>
            <translation>实验</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="92" />
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="259" />
            <source>Loss per iteration</source>
            <translation>每次迭代的损失</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="137" />
            <location filename="../../gui/main_window.py" line="265" />
            <source>Loss surface</source>
            <translation>损失曲面</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="272" />
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="139" />
            <source>Optimizer race</source>
            <translation>优化器竞赛</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="267" />
            <source>Optimizer race losses</source>
            <translation>优化器竞赛的损失</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="266" />
            <source>Optimizer race paths</source>
            <translation>优化器竞赛的路径</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="264" />
            <source>Parameter values per iteration</source>
            <translation>每次迭代的参数值</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="180" />
            <source>Plots</source>
            <translation>图表</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="175" />
            <source>Point at a figure (or click one), then copy it.</source>
            <translation>请先指向一幅图形（或点击它），再复制。</translation>
        </message>
        <message>
            <location filename="../../gui/window_animations.py" line="108" />
            <source>Recording frames…</source>
            <translation>正在录制帧…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="140" />
            <source>SGD, momentum, Nesterov, Adagrad, RMSprop, Adam, Lookahead side by side</source>
            <translation>SGD、动量、Nesterov、Adagrad、RMSprop、Adam、Lookahead 并排比较</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="181" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="124" />
            <source>Show or hide the {0} panel</source>
            <translation>显示或隐藏“{0}”面板</translation>
        </message>
        <message>
            <location filename="../../gui/window_animations.py" line="80" />
            <source>Step into an iteration first (and let runs finish).</source>
            <translation>请先单步进入一次迭代（并等运行结束）。</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="112" />
            <source>Stop the fast-forward run</source>
            <translation>停止快进运行</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="202" />
            <source>The iteration being stepped through, and how many have finished</source>
            <translation>正在单步执行的迭代，以及已完成的次数</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="138" />
            <source>The loss over a plane of parameters, with the descent path</source>
            <translation>参数平面上的损失，以及下降路径</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="203" />
            <source>The micro-step just executed</source>
            <translation>刚执行的微步</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="136" />
            <source>The network stepping through backprop</source>
            <translation>网络逐步执行反向传播</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="81" />
            <source>The network through every micro-step of this iteration</source>
            <translation>网络经历本次迭代的每一个微步</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="75" />
            <source>The path growing over the loss surface, as an animated GIF</source>
            <translation>路径在损失曲面上延伸的 GIF 动画</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="208" />
            <source>This iteration's loss, once its forward pass has computed it; after its optimizer.step(), also the loss at the new parameters; after an edit, the previewed E at the edited values</source>
            <translation>本次迭代的损失（前向传播算出后显示）；optimizer.step() 之后还显示新参数处的损失；手动修改之后显示按修改后的值预览的 E</translation>
        </message>
        <message>
            <location filename="../../gui/window_animations.py" line="63" />
            <source>Train at least one iteration on a surface first.</source>
            <translation>请先在曲面上至少训练一次迭代。</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="117" />
            <location filename="../../gui/main_window.py" line="136" />
            <source>Training loop</source>
            <translation>训练循环</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="140" />
            <source>Version, libraries and the device in use</source>
            <translation>版本、所用的库和设备</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="118" />
            <source>What happens now</source>
            <translation>现在发生什么</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="209" />
            <source>Where the tensors live, and their precision</source>
            <translation>张量所在的设备及其精度</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="142" />
            <source>Which minimum each starting point reaches</source>
            <translation>每个起点到达哪个极小值</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="68" />
            <source>Write every plot (PNG, SVG, PDF, CSV), the diagram and the trajectory</source>
            <translation>写出每张图（PNG、SVG、PDF、CSV）、网络图和轨迹</translation>
        </message>
        <message>
            <location filename="../../gui/window_animations.py" line="123" />
            <source>Wrote {0}</source>
            <translation>已写入 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/window_menus.py" line="169" />
            <source>Wrote {0} files to {1}</source>
            <translation>已写入 {0} 个文件到 {1}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="307" />
            <source>{0} placed from the surface: {1} edits, ← undoes each.</source>
            <translation>已从曲面放置 {0}：共 {1} 次编辑，← 逐个撤销。</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="341" />
            <source>{0} · {1}</source>
            <translation>{0} · {1}</translation>
        </message>
    </context>
    <context>
        <name>MessageBanner</name>
        <message>
            <location filename="../../gui/views/message_banner.py" line="29" />
            <source>Click to dismiss</source>
            <translation>点击关闭</translation>
        </message>
    </context>
    <context>
        <name>NetworkView</name>
        <message>
            <location filename="../../gui/views/diagram/editor.py" line="170" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/look.py" line="34" />
            <source>E: not computed yet</source>
            <translation>E：尚未计算</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/hover.py" line="74" />
            <source>E: the loss of this iteration's forward pass</source>
            <translation>E：本次迭代前向传播的损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/editor.py" line="169" />
            <source>Go back to the start of this iteration (where ← would arrive) and set the value there; ← then undoes the edit at the iteration's start</source>
            <translation>回到本次迭代的开始处（即按 ← 会到达的位置）并在那里设置该值；之后按 ← 会在迭代开始处撤销这次修改</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/editor.py" line="63" />
            <source>New value for {0}; Enter applies, Escape cancels</source>
            <translation>{0} 的新值；Enter 应用，Esc 取消</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/editor.py" line="61" />
            <source>New value for {0}; mid-iteration, Enter offers to restart this iteration</source>
            <translation>{0} 的新值；当前处于迭代中途，按 Enter 将提议重新开始本次迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/editor.py" line="162" />
            <source>Restart this iteration with {0} = {1}</source>
            <translation>以 {0} = {1} 重新开始本次迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/data_tags.py" line="53" />
            <source>The target of {0}: E compares out_{0} with it. Double-click to edit.</source>
            <translation>{0} 的目标值：E 将 out_{0} 与它比较。双击可修改。</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/text.py" line="71" />
            <source>hidden layer</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/text.py" line="71" />
            <source>hidden layer {0}</source>
            <translation>隐藏层 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/text.py" line="67" />
            <source>input layer</source>
            <translation>输入层</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/data_tags.py" line="101" />
            <location filename="../../gui/views/diagram/look.py" line="118" />
            <source>net = {0}</source>
            <translation>net = {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/text.py" line="59" />
            <source>not trained (frozen)</source>
            <translation>不训练（冻结）</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/data_tags.py" line="102" />
            <location filename="../../gui/views/diagram/look.py" line="120" />
            <source>out = {0}</source>
            <translation>out = {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/text.py" line="69" />
            <source>output layer</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/data_tags.py" line="36" />
            <source>preview: until stepped</source>
            <translation>预览：单步执行前有效</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/data_tags.py" line="28" />
            <source>target</source>
            <translation>目标</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/data_tags.py" line="28" />
            <source>target {0}</source>
            <translation>目标 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/look.py" line="122" />
            <source>δ = {0}</source>
            <translation>δ = {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/editor.py" line="143" />
            <source>“{0}” is not a finite number: type e.g. 0.25 or -1e-3</source>
            <translation>“{0}”不是有限的数：请输入例如 0.25 或 -1e-3</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/look.py" line="135" />
            <source>∂E/∂{0} cleared</source>
            <translation>∂E/∂{0} 已清空</translation>
        </message>
        <message>
            <location filename="../../gui/views/diagram/text.py" line="57" />
            <source>∂E/∂{0}: cleared</source>
            <translation>∂E/∂{0}：已清空</translation>
        </message>
    </context>
    <context>
        <name>NeuronPictures</name>
        <message>
            <location filename="../../gui/labs/neuron_pictures.py" line="151" />
            <source>+{n} more</source>
            <translation>另有 {n} 个</translation>
        </message>
        <message>
            <location filename="../../gui/labs/neuron_pictures.py" line="91" />
            <source>Hidden units ({act})</source>
            <translation>隐藏单元（{act}）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/neuron_pictures.py" line="84" />
            <source>What each hidden unit computes over the plane: blue where its output is positive, orange where negative, white near 0 (each picture on its own scale)</source>
            <translation>每个隐藏单元在平面上计算的结果：输出为正处为蓝色，为负处为橙色，接近 0 处为白色（每张图各自缩放）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/neuron_pictures.py" line="100" />
            <source>layer {l}, unit {u}: {act}(w·x + b) from {lo:.3g} to {hi:.3g}</source>
            <translation>第 {l} 层，第 {u} 个单元：{act}(w·x + b)，从 {lo:.3g} 到 {hi:.3g}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/neuron_pictures.py" line="98" />
            <source>layer {n}</source>
            <translation>第 {n} 层</translation>
        </message>
    </context>
    <context>
        <name>ParamPlot</name>
        <message>
            <location filename="../../gui/views/param_plot.py" line="23" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../gui/views/param_plot.py" line="38" />
            <source>How each chosen parameter moved, iteration by iteration</source>
            <translation>每个所选参数随迭代的变化</translation>
        </message>
        <message>
            <location filename="../../gui/views/param_plot.py" line="20" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../gui/views/param_plot.py" line="24" />
            <source>Which parameters to draw</source>
            <translation>要绘制哪些参数</translation>
        </message>
        <message>
            <location filename="../../gui/views/param_plot.py" line="20" />
            <source>iterations done</source>
            <translation>已完成的迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/param_plot.py" line="20" />
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../gui/views/param_plot.py" line="93" />
            <source>{0} of {1}</source>
            <translation>{0} / {1}</translation>
        </message>
    </context>
    <context>
        <name>PlaygroundLab</name>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="90" />
            <source>+1 epoch</source>
            <translation>+1 轮</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="164" />
            <source>Accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="189" />
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="207" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="149" />
            <source>Decision regions</source>
            <translation>决策区域</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="335" />
            <source>Hint: {text}</source>
            <translation>提示：{text}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="86" />
            <source>Load CSV…</source>
            <translation>载入 CSV…</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="188" />
            <location filename="../../gui/labs/playground_lab.py" line="208" />
            <source>Load points</source>
            <translation>载入数据点</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="233" />
            <source>Loading {0} cancelled; nothing changed.</source>
            <translation>已取消载入 {0}；没有任何改动。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="206" />
            <source>Loading {0}…</source>
            <translation>正在载入 {0}…</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="168" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="93" />
            <source>New weights from the seed; history cleared</source>
            <translation>按种子生成新权重；历史已清空</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="265" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="92" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="89" />
            <source>Start or pause training (a few epochs per frame)</source>
            <translation>开始或暂停训练（每帧若干轮）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="88" />
            <location filename="../../gui/labs/playground_lab.py" line="270" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="91" />
            <source>Train exactly one more epoch</source>
            <translation>再训练恰好一轮</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="98" />
            <source>Training pauses after this many epochs</source>
            <translation>训练到这么多轮后暂停</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="107" />
            <source>Why these settings may not fit the data, and what to try</source>
            <translation>这些设置为何可能拟合不了数据，以及可以尝试什么</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="87" />
            <source>Your own points: rows of x, y, label</source>
            <translation>你自己的数据点：每行依次为 x、y 和类别标签</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="165" />
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="342" />
            <source>classes: {names}</source>
            <translation>类别：{names}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="164" />
            <location filename="../../gui/labs/playground_lab.py" line="168" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="357" />
            <source>epoch {e}: train accuracy {a:.1%}, test accuracy {t:.1%}, test loss {l:.4g}
{code}</source>
            <translation>第 {e} 轮：训练准确率 {a:.1%}，测试准确率 {t:.1%}，测试损失 {l:.4g}
{code}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="168" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="97" />
            <source>stop at </source>
            <translation>停止于 </translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="160" />
            <source>test</source>
            <translation>测试</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="157" />
            <source>train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="149" />
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="149" />
            <source>y</source>
            <translation>y</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_lab.py" line="347" />
            <source>{n} train and {m} test points, {k} classes. Press Train.</source>
            <translation>{n} 个训练点和 {m} 个测试点，{k} 个类别。按“训练”开始。</translation>
        </message>
    </context>
    <context>
        <name>PlaygroundSettings</name>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="72" />
            <source>A built-in dataset, or your own points from a CSV file</source>
            <translation>内置数据集，或来自 CSV 文件的你自己的数据点</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="73" />
            <source>Activation of the hidden layers</source>
            <translation>隐藏层的激活函数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="40" />
            <source>Hidden layer sizes, e.g. 8 or 16, 16</source>
            <translation>隐藏层大小，例如 8 或 16, 16</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="36" />
            <source>How many points to generate</source>
            <translation>生成多少个数据点</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="51" />
            <source>Mini-batch size</source>
            <translation>小批量大小</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="74" />
            <source>Output activation and the loss it is trained with</source>
            <translation>输出层激活函数及训练所用的损失</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="50" />
            <source>SGD learning rate</source>
            <translation>SGD 学习率</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="54" />
            <source>Seed of the data, the split, the weights and the batch order</source>
            <translation>数据、划分、权重和批次顺序的种子</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="38" />
            <source>Share of points held out</source>
            <translation>留出的数据点比例</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="37" />
            <source>Std of the Gaussian jitter</source>
            <translation>高斯抖动的标准差</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="64" />
            <source>batch</source>
            <translation>批大小</translation>
        </message>
        <message>
            <source>circle</source>
            <translation>圆环</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="56" />
            <source>data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>gaussians</source>
            <translation>高斯簇</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="61" />
            <source>hidden act.</source>
            <translation>隐藏层激活</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="60" />
            <source>hidden layers</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="118" />
            <source>hidden layers must be whole numbers, e.g. 16, 16</source>
            <translation>隐藏层必须是整数，例如 16, 16</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="63" />
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>log_softmax + NLL</source>
            <translation>log_softmax + NLL</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="58" />
            <source>noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="62" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="106" />
            <source>own: {name}</source>
            <translation>自有：{name}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="57" />
            <source>points</source>
            <translation>点数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="65" />
            <source>seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>sigmoid + BCE</source>
            <translation>sigmoid + BCE</translation>
        </message>
        <message>
            <source>sigmoid + NLL</source>
            <translation>sigmoid + NLL</translation>
        </message>
        <message>
            <source>softmax + NLL</source>
            <translation>softmax + NLL</translation>
        </message>
        <message>
            <source>spiral</source>
            <translation>螺旋</translation>
        </message>
        <message>
            <source>tanh + NLL</source>
            <translation>tanh + NLL</translation>
        </message>
        <message>
            <location filename="../../gui/labs/playground_settings.py" line="59" />
            <source>test share</source>
            <translation>测试比例</translation>
        </message>
        <message>
            <source>xor</source>
            <translation>异或 (XOR)</translation>
        </message>
    </context>
    <context>
        <name>PlotsPanel</name>
        <message>
            <location filename="../../gui/views/plots_panel.py" line="62" />
            <source>Loss, gradient norm, learning rate and parameters</source>
            <translation>损失、梯度范数、学习率和参数</translation>
        </message>
        <message>
            <location filename="../../gui/views/plots_panel.py" line="61" />
            <source>Per epoch</source>
            <translation>每轮</translation>
        </message>
        <message>
            <location filename="../../gui/views/plots_panel.py" line="60" />
            <source>Per iteration</source>
            <translation>每次迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/plots_panel.py" line="65" />
            <source>Train and validation loss, accuracy and the confusion matrix</source>
            <translation>训练与验证损失、准确率和混淆矩阵</translation>
        </message>
    </context>
    <context>
        <name>PreviousCurve</name>
        <message>
            <location filename="../../gui/views/previous_curve.py" line="45" />
            <source>Show the run before the last new model, reset, preset or lesson (dashed)</source>
            <translation>显示最近一次新建模型、重置、选择预设或开始课程之前的那次训练（虚线）</translation>
        </message>
        <message>
            <location filename="../../gui/views/previous_curve.py" line="42" />
            <location filename="../../gui/views/previous_curve.py" line="75" />
            <source>previous run</source>
            <translation>上一次训练</translation>
        </message>
        <message>
            <location filename="../../gui/views/previous_curve.py" line="74" />
            <source>this run</source>
            <translation>本次训练</translation>
        </message>
    </context>
    <context>
        <name>RaceView</name>
        <message>
            <location filename="../../gui/views/race_view.py" line="59" />
            <source> steps/frame</source>
            <translation> 步/帧</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="64" />
            <source>Back to the start point</source>
            <translation>回到起点</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="76" />
            <source>Loss per step</source>
            <translation>每步的损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="60" />
            <source>Optimizer steps per animation frame</source>
            <translation>每个动画帧的优化器步数</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="147" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="81" />
            <source>Press Start: each optimizer's loss is drawn here, step by step.</source>
            <translation>按“开始”：每个优化器的损失在这里逐步画出。</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="63" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="61" />
            <location filename="../../gui/views/race_view.py" line="108" />
            <location filename="../../gui/views/race_view.py" line="147" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="62" />
            <source>Start or pause the race</source>
            <translation>开始或暂停竞赛</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="55" />
            <source>The surface the optimizers race on</source>
            <translation>优化器竞赛所在的曲面</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="75" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="74" />
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="177" />
            <source>step {n}: lowest loss {name}</source>
            <translation>第 {n} 步：损失最低的是 {name}</translation>
        </message>
        <message>
            <location filename="../../gui/views/race_view.py" line="169" />
            <source>{name} (diverged)</source>
            <translation>{name}（已发散）</translation>
        </message>
    </context>
    <context>
        <name>RunEdits</name>
        <message>
            <location filename="../../gui/run_edits.py" line="126" />
            <source>&amp;Data</source>
            <translation>数据(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../gui/run_edits.py" line="127" />
            <source>&amp;Inputs and targets…</source>
            <translation>输入与目标(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../gui/run_edits.py" line="117" />
            <source>A test function has no data: its loss is its value.</source>
            <translation>测试函数没有数据：它的损失就是它的函数值。</translation>
        </message>
        <message>
            <location filename="../../gui/run_edits.py" line="128" />
            <source>Every sample's inputs and targets, editable (← undoes a change)</source>
            <translation>每个样本的输入与目标，可编辑（← 撤销修改）</translation>
        </message>
        <message>
            <location filename="../../gui/run_edits.py" line="54" />
            <source>Iteration {0} restarted with {1} = {2}; ← undoes the edit at its start.</source>
            <translation>已以 {1} = {2} 重新开始第 {0} 次迭代；← 会在其开始处撤销这次修改。</translation>
        </message>
    </context>
    <context>
        <name>RunUndo</name>
        <message>
            <location filename="../../gui/run_undo.py" line="68" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/run_undo.py" line="67" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../gui/run_undo.py" line="126" />
            <source>A run is in progress: wait for it or cancel it first.</source>
            <translation>正在运行：请等待它结束或先取消。</translation>
        </message>
        <message>
            <location filename="../../gui/run_undo.py" line="88" />
            <source>Bring back the run before: {0}</source>
            <translation>找回此前的训练：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/run_undo.py" line="91" />
            <source>Nothing to undo: Reset, presets, new settings and lessons can be undone</source>
            <translation>没有可撤销的操作：重置、预设、新设置和课程都可以撤销</translation>
        </message>
        <message>
            <location filename="../../gui/run_undo.py" line="92" />
            <source>Redo: {0}</source>
            <translation>重做：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/run_undo.py" line="40" />
            <source>Redone: {0}.</source>
            <translation>已重做：{0}。</translation>
        </message>
        <message>
            <location filename="../../gui/run_undo.py" line="46" />
            <source>Undone: {0}. The previous run is back; Redo (Ctrl+Shift+Z) returns.</source>
            <translation>已撤销：{0}。之前的训练回来了；重做（Ctrl+Shift+Z）可再回到新的。</translation>
        </message>
    </context>
    <context>
        <name>SessionMenu</name>
        <message>
            <location filename="../../gui/session_menu.py" line="51" />
            <source>&amp;Open session…</source>
            <translation>打开会话(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="54" />
            <source>&amp;Save session…</source>
            <translation>保存会话(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="139" />
            <source>A run is in progress. Stop it and open {0}?</source>
            <translation>训练正在运行。要停止它并打开 {0} 吗？</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="117" />
            <source>A session is already being opened.</source>
            <translation>已有一个会话正在打开。</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="60" />
            <source>A standalone .py with the same model, weights, loss and optimizer</source>
            <translation>一个独立的 .py 文件，含相同的模型、权重、损失和优化器</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="150" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="59" />
            <source>Export as &amp;PyTorch script…</source>
            <translation>导出为 PyTorch 脚本(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="194" />
            <source>Export as PyTorch script</source>
            <translation>导出为 PyTorch 脚本</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="210" />
            <location filename="../../gui/session_menu.py" line="229" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="130" />
            <source>Not opened: the run goes on.</source>
            <translation>未打开：训练继续进行。</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="52" />
            <source>Open a saved session: settings, history, position</source>
            <translation>打开已保存的会话：设置、历史和位置</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="108" />
            <location filename="../../gui/session_menu.py" line="140" />
            <location filename="../../gui/session_menu.py" line="151" />
            <source>Open session</source>
            <translation>打开会话</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="184" />
            <source>Opened {0}.</source>
            <translation>已打开 {0}。</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="182" />
            <source>Opening {0} cancelled; the open session is unchanged.</source>
            <translation>已取消打开 {0}；当前会话保持不变。</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="124" />
            <location filename="../../gui/session_menu.py" line="149" />
            <source>Opening {0}…</source>
            <translation>正在打开 {0}…</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="195" />
            <source>Python script (*.py)</source>
            <translation>Python 脚本 (*.py)</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="57" />
            <source>Recent sessions</source>
            <translation>最近的会话</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="236" />
            <source>Replace the weights file?</source>
            <translation>替换权重文件？</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="79" />
            <source>Save session</source>
            <translation>保存会话</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="55" />
            <source>Save settings, history and the current step</source>
            <translation>保存设置、历史和当前步骤</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="88" />
            <source>Saving at the run's next consistent point…</source>
            <translation>将在训练的下一个一致点保存…</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="189" />
            <source>Session not opened</source>
            <translation>会话未打开</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="99" />
            <source>Session not saved</source>
            <translation>会话未保存</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="102" />
            <source>Session saved to {0}</source>
            <translation>会话已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="231" />
            <source>Wrote {0} and {1}</source>
            <translation>已写入 {0} 和 {1}</translation>
        </message>
        <message>
            <location filename="../../gui/session_menu.py" line="236" />
            <source>{0} already exists. Replace it with the current weights?</source>
            <translation>{0} 已存在。要用当前权重替换它吗？</translation>
        </message>
    </context>
    <context>
        <name>SettingsApply</name>
        <message>
            <location filename="../../gui/settings_apply.py" line="67" />
            <source>Changed: Apply uses them from the next iteration; the run goes on.</source>
            <translation>已更改：点“应用”后从下一次迭代起生效，训练继续进行。</translation>
        </message>
        <message>
            <location filename="../../gui/settings_apply.py" line="119" />
            <source>Nothing changed: the run goes on.</source>
            <translation>没有更改：训练继续进行。</translation>
        </message>
        <message>
            <location filename="../../gui/settings_apply.py" line="53" />
            <source>Save the current run as a session file, then start the new one</source>
            <translation>先把当前训练保存为会话文件，再开始新的训练</translation>
        </message>
        <message>
            <location filename="../../gui/settings_apply.py" line="52" />
            <source>Save this run…</source>
            <translation>保存当前训练…</translation>
        </message>
        <message>
            <location filename="../../gui/settings_apply.py" line="51" />
            <source>Start a new run (keep this one)</source>
            <translation>开始新训练（保留当前这个）</translation>
        </message>
        <message>
            <location filename="../../gui/settings_apply.py" line="42" />
            <source>Start a new run?</source>
            <translation>开始新的训练？</translation>
        </message>
        <message>
            <location filename="../../gui/settings_apply.py" line="49" />
            <source>The current run ({0} iterations done) is kept as the previous run: its curves stay on the plots, dashed, to compare, and Edit → Undo (Ctrl+Z) brings it back, history and all.</source>
            <translation>当前训练（已完成 {0} 次迭代）会保留为上一次训练：它的曲线以虚线留在图上供比较，编辑 → 撤销（Ctrl+Z）可连同全部历史一起找回。</translation>
        </message>
        <message>
            <location filename="../../gui/settings_apply.py" line="43" />
            <source>These settings need a new model, so training starts again.</source>
            <translation>这些设置需要新建模型，因此训练将从头开始。</translation>
        </message>
    </context>
    <context>
        <name>SettingsPanel</name>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="156" />
            <source>(the preset's data)</source>
            <translation>（预设自带的数据）</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="102" />
            <source>A torch.optim.lr_scheduler class that moves the lr</source>
            <translation>调整学习率的 torch.optim.lr_scheduler 类</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="224" />
            <source>Activation of this layer's neurons</source>
            <translation>这一层神经元的激活函数</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="80" />
            <source>Activations</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="113" />
            <source>Adam's β₁: decay of the 1st moment, in [0, 1)</source>
            <translation>Adam 的 β₁：一阶矩的衰减率，取值 [0, 1)</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="114" />
            <source>Adam's β₂: decay of the 2nd moment, in [0, 1)</source>
            <translation>Adam 的 β₂：二阶矩的衰减率，取值 [0, 1)</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_panel.py" line="58" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="69" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="118" />
            <source>Betas</source>
            <translation>β₁, β₂</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="179" />
            <source>CUDA is unavailable: {0}</source>
            <translation>CUDA 不可用：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_panel.py" line="103" />
            <source>Changed: Apply rebuilds the model.</source>
            <translation>已修改：“应用”会重建模型。</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="81" />
            <source>Clip gradients</source>
            <translation>梯度裁剪</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="50" />
            <source>Data and loop</source>
            <translation>数据与循环</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="62" />
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="96" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="75" />
            <source>Draw the batches in a new seeded order every epoch</source>
            <translation>每一轮都按新的带种子顺序抽取批次</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="73" />
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="72" />
            <source>Epochs the run and its schedule plan for</source>
            <translation>训练及其学习率调度计划的轮数</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_panel.py" line="88" />
            <location filename="../../gui/views/settings_panel.py" line="96" />
            <source>Fix the marked field before applying.</source>
            <translation>请先修正标出的字段再应用。</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="93" />
            <source>Floating-point precision of tensors</source>
            <translation>张量的浮点精度</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="87" />
            <source>Init seed</source>
            <translation>初始化种子</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="115" />
            <source>It steps</source>
            <translation>步进时机</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="109" />
            <source>Its keywords</source>
            <translation>关键字参数</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="76" />
            <source>Layer sizes</source>
            <translation>各层大小</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_panel.py" line="107" />
            <source>Layer sizes become {0} to fit the data.</source>
            <translation>层大小将变为 {0} 以匹配数据。</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="106" />
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="105" />
            <source>Learning rate: how far each step moves (≥ 0)</source>
            <translation>学习率：每一步移动多远（≥ 0）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="141" />
            <source>Leave optimizer.zero_grad() out: gradients accumulate across iterations</source>
            <translation>省略 optimizer.zero_grad()：梯度在迭代之间累积</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="90" />
            <source>Let the optimizer update the biases too (Mazur's example keeps them fixed)</source>
            <translation>让优化器也更新偏置（Mazur 的例子中偏置固定不变）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="66" />
            <source>Load a preset: its network, data and settings</source>
            <translation>载入预设：它的网络、数据和设置</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="129" />
            <source>Lookahead k</source>
            <translation>Lookahead k</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="133" />
            <source>Lookahead α</source>
            <translation>Lookahead α</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="132" />
            <source>Lookahead α in (0, 1]: how far the slow weights move</source>
            <translation>Lookahead α，取值 (0, 1]：慢权重移动多远</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="126" />
            <source>Lookahead: sync the slow weights every k steps (0 = off)</source>
            <translation>Lookahead：每 k 步同步一次慢权重（0 = 关闭）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="82" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="62" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="108" />
            <source>Momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="107" />
            <source>Momentum in [0, 1) (SGD and RMSprop)</source>
            <translation>动量，取值 [0, 1)（SGD 和 RMSprop）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="110" />
            <source>Nesterov</source>
            <translation>Nesterov 动量</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="111" />
            <source>Nesterov momentum (SGD with momentum &gt; 0)</source>
            <translation>Nesterov 动量（SGD 且动量 &gt; 0）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="73" />
            <source>Neurons per layer, input first and output last, e.g. 2,2,2 or 2,4,4,2</source>
            <translation>每层神经元数，先输入层后输出层，例如 2,2,2 或 2,4,4,2</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="100" />
            <location filename="../../gui/views/settings_form.py" line="104" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="70" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="145" />
            <source>Published variant (Mazur)</source>
            <translation>原文变体（Mazur）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_panel.py" line="59" />
            <source>Rebuild the model with these settings</source>
            <translation>用这些设置重建模型</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="149" />
            <source>Reproduce the post's closing figures: hidden-layer gradients computed with the already-updated output weights (not correct backprop)</source>
            <translation>复现原文结尾的数字：用已更新的输出层权重计算隐藏层梯度（不是正确的反向传播）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_panel.py" line="62" />
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="67" />
            <source>Samples per batch (all: the whole training set every iteration)</source>
            <translation>每批样本数（全部：每次迭代使用整个训练集）</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="104" />
            <source>Scheduler</source>
            <translation>调度器</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="85" />
            <source>Seed of the initial weights not given by the preset</source>
            <translation>预设未给定的初始权重所用的种子</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="78" />
            <source>Share of the samples held out for validation, in [0, 1)</source>
            <translation>留作验证的样本比例，在 [0, 1) 内</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_panel.py" line="63" />
            <source>Show the settings in use again</source>
            <translation>重新显示正在使用的设置</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="74" />
            <source>Shuffle</source>
            <translation>打乱顺序</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="140" />
            <source>Skip zero_grad()</source>
            <translation>跳过 zero_grad()</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="125" />
            <source>The largest norm, or the largest absolute value</source>
            <translation>最大范数，或最大绝对值</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="81" />
            <source>The loss function compared to targets</source>
            <translation>与目标比较的损失函数</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="60" />
            <source>The samples the run learns from (File → Open dataset… adds a CSV or IDX file)</source>
            <translation>训练所用的样本（文件 → 打开数据集… 可添加 CSV 或 IDX 文件）</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="107" />
            <source>The scheduler's keywords, e.g. step_size=2,gamma=0.5</source>
            <translation>调度器的关键字参数，例如 step_size=2,gamma=0.5</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="89" />
            <source>Train biases</source>
            <translation>训练偏置</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="137" />
            <source>Training loop</source>
            <translation>训练循环</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="79" />
            <source>Validation share</source>
            <translation>验证比例</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="120" />
            <source>Weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="119" />
            <source>Weight decay (L2 penalty), ≥ 0</source>
            <translation>权重衰减（L2 惩罚），≥ 0</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="113" />
            <source>When scheduler.step() runs</source>
            <translation>何时执行 scheduler.step()</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="173" />
            <source>Where the tensors live</source>
            <translation>张量所在的设备</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="181" />
            <source>Where the tensors live. {0}</source>
            <translation>张量所在的设备。{0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="102" />
            <source>Which torch.optim optimizer</source>
            <translation>使用哪个 torch.optim 优化器</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="66" />
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="119" />
            <source>by norm</source>
            <translation>按范数</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="119" />
            <source>by value</source>
            <translation>按数值</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="123" />
            <source>clip_grad_norm_ (the whole gradient's length) or clip_grad_value_ (each value)</source>
            <translation>clip_grad_norm_（整个梯度的长度）或 clip_grad_value_（每个数值）</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="94" />
            <source>dtype</source>
            <translation>数据类型</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="228" />
            <source>hidden {0}</source>
            <translation>隐藏层 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="99" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="71" />
            <source>not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="119" />
            <location filename="../../gui/views/settings_form.py" line="123" />
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_form.py" line="228" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="111" />
            <source>per batch</source>
            <translation>每批</translation>
        </message>
        <message>
            <location filename="../../gui/views/loop_settings_box.py" line="111" />
            <source>per epoch</source>
            <translation>每轮</translation>
        </message>
    </context>
    <context>
        <name>ShortcutSheet</name>
        <message>
            <location filename="../../gui/shortcut_sheet.py" line="62" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../gui/shortcut_sheet.py" line="75" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../gui/shortcut_sheet.py" line="64" />
            <source>Every keyboard shortcut of the main window</source>
            <translation>主窗口的所有键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../gui/shortcut_sheet.py" line="57" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../gui/shortcut_sheet.py" line="62" />
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <location filename="../../gui/shortcut_sheet.py" line="63" />
            <source>What it does</source>
            <translation>作用</translation>
        </message>
    </context>
    <context>
        <name>SoftmaxLab</name>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="46" />
            <source>2 to 10 numbers separated by commas: the logits a</source>
            <translation>2 到 10 个用逗号分隔的数：logits a</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="64" />
            <source>Jacobian ∂pᵢ/∂aⱼ (autograd, row by row)</source>
            <translation>雅可比矩阵 ∂pᵢ/∂aⱼ（autograd，逐行计算）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="49" />
            <source>The true class y of the cross-entropy loss</source>
            <translation>交叉熵损失的真实类别 y</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="117" />
            <source>a (logits)</source>
            <translation>a（logits）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="59" />
            <source>a, softmax(a) and log_softmax(a)</source>
            <translation>a、softmax(a) 和 log_softmax(a)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="65" />
            <source>column j (input aⱼ)</source>
            <translation>第 j 列（输入 aⱼ）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="59" />
            <source>index i</source>
            <translation>下标 i</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="119" />
            <source>log_softmax(a)</source>
            <translation>log_softmax(a)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="52" />
            <source>logits a =</source>
            <translation>logits a =</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="185" />
            <source>max |autograd − (diag(p) − p pᵀ)| = {j:.1e}
max |∂CE/∂a − (p − y)| = {g:.1e}
cross-entropy = −log p[{t}] = {ce:.6g}
Each row of the Jacobian sums to 0: raising one logit takes probability from the others, because Σp = 1.</source>
            <translation>max |autograd − (diag(p) − p pᵀ)| = {j:.1e}
max |∂CE/∂a − (p − y)| = {g:.1e}
交叉熵 = −log p[{t}] = {ce:.6g}
雅可比矩阵每一行之和为 0：提高一个 logit 会从其他类别拿走概率，因为 Σp = 1。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="118" />
            <source>p = softmax(a)</source>
            <translation>p = softmax(a)</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="66" />
            <source>row i (output pᵢ)</source>
            <translation>第 i 行（输出 pᵢ）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="48" />
            <source>target class </source>
            <translation>目标类别 </translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="60" />
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../gui/labs/softmax_lab.py" line="163" />
            <source>∂CE/∂a</source>
            <translation>∂CE/∂a</translation>
        </message>
    </context>
    <context>
        <name>StartingParameters</name>
        <message>
            <location filename="../../gui/starting_parameters.py" line="39" />
            <source>Parameters (*.json)</source>
            <translation>参数 (*.json)</translation>
        </message>
        <message>
            <location filename="../../gui/starting_parameters.py" line="49" />
            <source>Parameters not loaded</source>
            <translation>未载入参数</translation>
        </message>
        <message>
            <location filename="../../gui/starting_parameters.py" line="31" />
            <source>Restart from a JSON file of starting values by label, e.g. {"w1": 0.15}</source>
            <translation>从按标签给出初始值的 JSON 文件重新开始，例如 {"w1": 0.15}</translation>
        </message>
        <message>
            <location filename="../../gui/starting_parameters.py" line="29" />
            <source>Start from &amp;parameters…</source>
            <translation>从参数文件开始(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../gui/starting_parameters.py" line="38" />
            <source>Start from parameters</source>
            <translation>从参数文件开始</translation>
        </message>
    </context>
    <context>
        <name>Story</name>
        <message>
            <location filename="../../engine/training/story.py" line="156" />
            <source>Neuron {label} ({layer}).</source>
            <translation>神经元 {label}（{layer}）。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="108" />
            <source>The loss E of this iteration's forward pass.</source>
            <translation>本次迭代前向传播的损失 E。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="166" />
            <location filename="../../engine/training/story.py" line="194" />
            <source>forward pass</source>
            <translation>前向传播</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="222" />
            <source>hidden layer</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="222" />
            <source>hidden layer {0}</source>
            <translation>隐藏层 {0}</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="218" />
            <source>input layer</source>
            <translation>输入层</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="165" />
            <source>net_{label} and out_{label} are computed at micro-step {step} ({phase}).</source>
            <translation>net_{label} 和 out_{label} 在第 {step} 个微步计算（{phase}）。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="220" />
            <source>output layer</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="193" />
            <source>the loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="129" />
            <source>{label} (bias of {neuron})</source>
            <translation>{label}（{neuron} 的偏置）</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="147" />
            <source>{label} is not trained (frozen).</source>
            <translation>{label} 不参与训练（已冻结）。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="150" />
            <source>{label} is updated at micro-step {step} (optimizer.step()).</source>
            <translation>{label} 在第 {step} 个微步更新（optimizer.step()）。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="118" />
            <source>{label}: an input of the network.</source>
            <translation>{label}：网络的一个输入。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="197" />
            <source>{value} is computed at micro-step {step} ({phase}).</source>
            <translation>{value} 在第 {step} 个微步计算（{phase}）。</translation>
        </message>
        <message>
            <location filename="../../engine/training/story.py" line="184" />
            <source>{value} is not computed yet.</source>
            <translation>{value} 尚未计算。</translation>
        </message>
    </context>
    <context>
        <name>Surface3D</name>
        <message>
            <location filename="../../gui/views/_surface_3d_axes.py" line="68" />
            <location filename="../../gui/views/_surface_3d_axes.py" line="132" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
    </context>
    <context>
        <name>SurfaceView</name>
        <message>
            <location filename="../../gui/views/surface_view.py" line="111" />
            <source>log₁₀(loss − min)</source>
            <translation>log₁₀(损失 − 最小值)</translation>
        </message>
        <message>
            <location filename="../../gui/views/surface_view.py" line="112" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../gui/views/surface_view.py" line="204" />
            <source>optimizer.step()</source>
            <translation>optimizer.step()（实际一步）</translation>
        </message>
        <message>
            <location filename="../../gui/views/surface_view.py" line="207" />
            <source>optimizer.step() = −lr·∇E</source>
            <translation>optimizer.step() = −lr·∇E</translation>
        </message>
        <message>
            <location filename="../../gui/views/surface_view.py" line="49" />
            <source>trajectory</source>
            <translation>轨迹</translation>
        </message>
        <message>
            <location filename="../../gui/views/surface_view.py" line="205" />
            <source>−lr·∇E</source>
            <translation>−lr·∇E（纯梯度）</translation>
        </message>
    </context>
    <context>
        <name>TestFunction</name>
        <message>
            <source>A curved, flat-bottomed valley: easy to fall into, slow to follow to (1, 1).</source>
            <translation>一条弯曲、底部平坦的山谷：容易掉进去，却很难沿着它走到 (1, 1)。</translation>
        </message>
        <message>
            <source>A saddle point at the origin: the gradient vanishes there, but it is no minimum.</source>
            <translation>原点是一个鞍点：那里梯度为零，但它不是极小值。</translation>
        </message>
        <message>
            <source>Beale</source>
            <translation>Beale 函数</translation>
        </message>
        <message>
            <source>Bowl</source>
            <translation>碗形</translation>
        </message>
        <message>
            <source>Four equally deep minima: which one you reach depends on where you start.</source>
            <translation>四个一样深的极小值：到达哪一个取决于从哪里出发。</translation>
        </message>
        <message>
            <source>Himmelblau</source>
            <translation>Himmelblau 函数</translation>
        </message>
        <message>
            <source>Ill-conditioned quadratic</source>
            <translation>病态二次函数</translation>
        </message>
        <message>
            <source>Many local minima on a bowl: gradient descent stops in the nearest one.</source>
            <translation>碗形上布满局部极小值：梯度下降会停在最近的那个。</translation>
        </message>
        <message>
            <source>Monkey saddle</source>
            <translation>猴鞍面</translation>
        </message>
        <message>
            <source>One direction is 20× steeper: SGD zig-zags across it; momentum and Adam do not.</source>
            <translation>一个方向陡 20 倍：SGD 在其间来回震荡；动量和 Adam 不会。</translation>
        </message>
        <message>
            <source>One parameter: the tangent's slope is the gradient, and each step follows it.</source>
            <translation>只有一个参数：切线的斜率就是梯度，每一步都沿着它走。</translation>
        </message>
        <message>
            <source>Parabola</source>
            <translation>抛物线</translation>
        </message>
        <message>
            <source>Rastrigin</source>
            <translation>Rastrigin 函数</translation>
        </message>
        <message>
            <source>Rosenbrock</source>
            <translation>Rosenbrock 函数</translation>
        </message>
        <message>
            <source>Round contours: the gradient points straight at the minimum.</source>
            <translation>等高线是圆：梯度直指极小值。</translation>
        </message>
        <message>
            <source>Saddle</source>
            <translation>鞍面</translation>
        </message>
        <message>
            <source>Sharp ridges and flat plateaus; the minimum is at (3, 0.5).</source>
            <translation>陡峭的山脊和平坦的高原；极小值在 (3, 0.5)。</translation>
        </message>
        <message>
            <source>Three valleys meet at a flat saddle: the gradient and the curvature both vanish.</source>
            <translation>三条山谷交汇于一个平坦的鞍点：梯度和曲率都为零。</translation>
        </message>
    </context>
    <context>
        <name>ThemeMenu</name>
        <message>
            <location filename="../../gui/theme_menu.py" line="51" />
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../gui/theme_menu.py" line="50" />
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/theme_menu.py" line="27" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gui/theme_menu.py" line="50" />
            <source>Dark ink on light backgrounds</source>
            <translation>浅色背景上的深色文字</translation>
        </message>
        <message>
            <location filename="../../gui/theme_menu.py" line="54" />
            <source>Follow &amp;system</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/theme_menu.py" line="51" />
            <source>Light ink on dark backgrounds, plots included</source>
            <translation>深色背景上的浅色文字，图表也一样</translation>
        </message>
        <message>
            <location filename="../../gui/theme_menu.py" line="55" />
            <source>Light or dark as the desktop's colour scheme says (light if unknown)</source>
            <translation>按桌面的配色方案使用浅色或深色（未知时用浅色）</translation>
        </message>
        <message>
            <location filename="../../gui/theme_menu.py" line="28" />
            <source>Light or dark colours for the window</source>
            <translation>窗口使用浅色或深色</translation>
        </message>
    </context>
    <context>
        <name>TransportBar</name>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="178" />
            <source> epochs</source>
            <translation> 轮</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="130" />
            <source>%v / %m</source>
            <translation>%v / %m</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="85" />
            <source>Back to the starting parameters; clears the history</source>
            <translation>回到初始参数；清空历史</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="134" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="152" />
            <source>Count batches</source>
            <translation>按批计数</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="153" />
            <source>Count epochs</source>
            <translation>按轮计数</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="119" />
            <source>Fast-forward this many iterations in the background</source>
            <translation>在后台快进这么多次迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="181" />
            <source>How many epochs Run goes through</source>
            <translation>运行要经过多少轮</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="116" />
            <location filename="../../gui/views/transport_bar.py" line="183" />
            <source>How many whole iterations Run performs</source>
            <translation>“运行”执行多少次完整迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="133" />
            <source>Iterations done in the current run</source>
            <translation>本次运行已完成的迭代</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="79" />
            <source>Play or pause: one micro-step per tick at the chosen speed</source>
            <translation>播放或暂停：按所选速度每次执行一个微步</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="98" />
            <source>Play speed in micro-steps per second</source>
            <translation>播放速度（每秒微步数）</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="118" />
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="155" />
            <source>Run goes on to the end of this many epochs from here</source>
            <translation>运行从这里一直到这么多轮的末尾</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="69" />
            <source>Run one micro-step: one neuron, one gradient or one parameter update</source>
            <translation>执行一个微步：一个神经元、一个梯度或一次参数更新</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="154" />
            <source>Run performs this many iterations, one batch each</source>
            <translation>运行执行这么多次迭代，每次一批</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="74" />
            <source>Run to the end of the current iteration</source>
            <translation>运行到本次迭代结束</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="73" />
            <source>Step iteration ⇥</source>
            <translation>单步迭代 ⇥</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="68" />
            <source>Step →</source>
            <translation>单步 →</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="135" />
            <source>Stop the run after the current iteration</source>
            <translation>在当前迭代后停止运行</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="40" />
            <source>Transport</source>
            <translation>播放控制</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="64" />
            <source>Undo one micro-step exactly: parameters, gradients and optimizer state</source>
            <translation>精确撤销一个微步：参数、梯度和优化器状态</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="108" />
            <source>{0}/s</source>
            <translation>{0}/秒</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="63" />
            <source>← Back</source>
            <translation>← 后退</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="212" />
            <source>⏸ Pause</source>
            <translation>⏸ 暂停</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="78" />
            <location filename="../../gui/views/transport_bar.py" line="213" />
            <source>▶ Play</source>
            <translation>▶ 播放</translation>
        </message>
        <message>
            <location filename="../../gui/views/transport_bar.py" line="84" />
            <source>⟲ Reset</source>
            <translation>⟲ 重置</translation>
        </message>
    </context>
    <context>
        <name>VanishingLab</name>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="174" />
            <source>. Each layer back multiplies the gradient by Wᵀ and by f′(net): σ′ ≤ 0.25, so sigmoid chains lose orders of magnitude.</source>
            <translation>。每往回一层，梯度都要乘以 Wᵀ 和 f′(net)：σ′ ≤ 0.25，所以 sigmoid 链会损失好几个数量级。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="59" />
            <source>An activation to add beside sigmoid, tanh and ReLU</source>
            <translation>在 sigmoid、tanh 和 ReLU 之外再加一个激活函数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="86" />
            <source>Gradient norm per layer after one loss.backward()</source>
            <translation>一次 loss.backward() 后各层的梯度范数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="66" />
            <source>How every weight matrix is initialised (biases 0, except default)</source>
            <translation>每个权重矩阵如何初始化（偏置为 0，PyTorch 默认初始化除外）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="31" />
            <source>Kaiming / He normal (ReLU)</source>
            <translation>Kaiming / He 正态分布（ReLU）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="52" />
            <source>Neurons per layer</source>
            <translation>每层神经元数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="51" />
            <source>Number of Linear + activation layers</source>
            <translation>nn.Linear + 激活函数层的层数</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="29" />
            <source>PyTorch default (uniform ±1/√fan_in)</source>
            <translation>PyTorch 默认（均匀分布 ±1/√fan_in）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="169" />
            <source>Ratio of the first layer's gradient norm to the last one's. </source>
            <translation>第一层与最后一层梯度范数之比。</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="70" />
            <source>Seed of the weights and of the input batch</source>
            <translation>权重和输入批次的种子</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="30" />
            <source>Xavier / Glorot normal</source>
            <translation>Xavier / Glorot 正态分布</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="116" />
            <source>depth {n}</source>
            <translation>深度 {n}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="87" />
            <source>layer (1 = next to the input, right = next to the loss)</source>
            <translation>层（1 = 靠近输入，右侧 = 靠近损失）</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="69" />
            <source>seed </source>
            <translation>种子 </translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="117" />
            <source>width {n}</source>
            <translation>宽度 {n}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="164" />
            <source>{name}: first/last = {r:.1e}</source>
            <translation>{name}：首层/末层 = {r:.1e}</translation>
        </message>
        <message>
            <location filename="../../gui/labs/vanishing_lab.py" line="88" />
            <source>‖∂L/∂W‖ (log scale)</source>
            <translation>‖∂L/∂W‖（对数刻度）</translation>
        </message>
    </context>
    <context>
        <name>lesson:activations</name>
        <message>
            <source>**ReLU** has slope exactly **1** for every positive input, however large: it does not saturate
there. For negative inputs its slope is 0, so a neuron that only sees negative inputs stops
learning (a "dead" ReLU).</source>
            <translation>**ReLU** 对任何正输入（无论多大）斜率都恰好为 **1**：在正半轴上不会饱和。
对负输入斜率为 0，所以只收到负输入的神经元会停止学习
（“死亡” ReLU）。</translation>
        </message>
        <message>
            <source>**tanh** is zero-centred and steeper, f′(0) = 1, but it saturates too: f′(5) = **0.000181583**.</source>
            <translation>**tanh** 以零为中心，也更陡，f′(0) = 1，但它同样会饱和：f′(5) = **0.000181583**。</translation>
        </message>
        <message>
            <source>Activations, saturation and vanishing gradients</source>
            <translation>激活函数、饱和与梯度消失</translation>
        </message>
        <message>
            <source>At x = 5 the sigmoid is **saturated**: f(5) = 0.993307149 and f′(5) = **0.006648057**. The
shaded region is where |f′| is tiny: a neuron out there barely passes any gradient back,
so its incoming weights hardly change.</source>
            <translation>在 x = 5 处 sigmoid 已经 **饱和**：f(5) = 0.993307149，f′(5) = **0.006648057**。
阴影区域是 |f′| 极小的地方：处在那里的神经元几乎不向回传递梯度，
所以它的输入权重几乎不变。</translation>
        </message>
        <message>
            <source>Sigmoid, tanh and ReLU slopes, and why deep sigmoid chains stop learning.</source>
            <translation>sigmoid、tanh 和 ReLU 的斜率，以及为什么很深的 sigmoid 网络学不动。</translation>
        </message>
        <message>
            <source>The **activation lab** plots an activation f(x) and its slope f′(x), computed by autograd and
checked against the closed form. Backpropagation multiplies by f′ at every neuron it passes.

The sigmoid at x = 0: f′(0) = **0.25**, the largest slope the sigmoid ever has.</source>
            <translation>**激活函数实验** 画出激活函数 f(x) 及其斜率 f′(x)，斜率由 autograd 计算，
并与解析式核对。反向传播每经过一个神经元，都要乘以 f′。

sigmoid 在 x = 0 处：f′(0) = **0.25**，这是 sigmoid 的最大斜率。</translation>
        </message>
        <message>
            <source>The **vanishing-gradients lab** builds a chain of 20 Linear + activation layers (32 neurons
each, Kaiming initialisation), runs one `loss.backward()` and plots the gradient norm of each
layer. The summary gives the ratio first layer / last layer:

- sigmoid: about **4 × 10⁻¹¹**: σ′ ≤ 0.25 at every layer, so the first layers get almost
  nothing;
- tanh: about **1.6** and ReLU about **0.57**: their gradients survive 20 layers.</source>
            <translation>**梯度消失实验** 搭建一条由 20 个 Linear + 激活函数层组成的链（每层 32 个神经元，
Kaiming 初始化），运行一次 `loss.backward()`，并画出每层的梯度范数。
摘要给出首层 / 末层之比：

- sigmoid：约 **4 × 10⁻¹¹**：每层 σ′ ≤ 0.25，所以前面的层几乎
  得不到梯度；
- tanh：约 **1.6**，ReLU：约 **0.57**：它们的梯度能穿过 20 层。</translation>
        </message>
        <message>
            <source>The initialisation matters as much as the activation. With PyTorch's **default**
initialisation the same 20 layers lose the gradient with every activation: the ratio is
about **1 × 10⁻¹⁷** for sigmoid, **1 × 10⁻⁵** for tanh and **2 × 10⁻⁸** for ReLU. Move the
depth slider and watch the bars: each layer multiplies the gradient by Wᵀ and by f′(net).</source>
            <translation>初始化和激活函数一样重要。用 PyTorch 的 **默认** 初始化，
同样的 20 层无论用哪种激活函数都会丢失梯度：首末层之比
sigmoid 约 **1 × 10⁻¹⁷**，tanh 约 **1 × 10⁻⁵**，ReLU 约 **2 × 10⁻⁸**。拖动
深度滑块观察柱状图：每一层都把梯度乘以 Wᵀ 和 f′(net)。</translation>
        </message>
    </context>
    <context>
        <name>lesson:digits</name>
        <message>
            <source>**Swap the activation for `softmax`**, keeping the NLL loss, the seed and the batches. Now
the outputs are probabilities, not their logarithms, and `nll_loss` takes the mean of −p(true
digit), so the loss is negative. Accuracy after 2 epochs: **44.6 %**. The gradient of −p is
exactly p times the gradient of −log p: with every p near 0.1 at the start, each step is about
ten times smaller, and 46 steps are not enough. (The source notes found softmax only slightly
behind on MNIST, where 2 epochs are about 1,500 steps instead of 46.)</source>
            <translation>**把激活换成 `softmax`**，损失仍用 NLL，种子和批都不变。现在输出是概率本身而不是它的对数，`nll_loss` 取的是 −p(真实数字) 的平均值，所以损失是负数。2 轮之后的准确率：**44.6 %**。−p 的梯度恰好是 −log p 的梯度乘以 p：开始时每个 p 都在 0.1 左右，所以每一步大约小了十倍，46 步远远不够。（原笔记在 MNIST 上发现 softmax 只是略逊一筹，那里 2 轮约有 1,500 步，而不是 46 步。）</translation>
        </message>
        <message>
            <source>**`sigmoid`** squeezes each score into (0, 1) on its own: **66.9 %**. NLL over sigmoid
outputs pushes the true digit's output up, but nothing pushes the other nine down: each
sigmoid is independent of the others, and the loss does not read them, so their gradient is 0.
And once σ is near 1 its slope σ(1 − σ) vanishes. The source notes measured 61 % for the same swap.</source>
            <translation>**`sigmoid`** 把每个分数各自压到 (0, 1) 之间：**66.9 %**。对 sigmoid 输出用 NLL，会把真实数字的输出往上推，却没有任何东西把其余九个往下压：每个 sigmoid 彼此独立，损失也不读取它们，所以它们的梯度为 0。而且一旦 σ 接近 1，它的斜率 σ(1 − σ) 就消失了。原笔记对同样的替换测得 61 %。</translation>
        </message>
        <message>
            <source>**`tanh`** squeezes into (−1, 1): **66.3 %**, about the same as sigmoid (tanh is a rescaled
sigmoid, with the same flaw: no competition between the classes; the source notes measured
72 %). The lesson of the experiment: the output activation must fit the loss. NLL expects
log-probabilities, which only `log_softmax` gives; the others train, but badly.</source>
            <translation>**`tanh`** 把输出压到 (−1, 1) 之间：**66.3 %**，与 sigmoid 差不多（tanh 就是缩放过的 sigmoid，有同样的缺陷：类别之间没有竞争；原笔记测得 72 %）。这个实验的结论是：输出激活必须和损失相匹配。NLL 期望的是对数概率，而只有 `log_softmax` 给出对数概率；其他激活也能训练，只是效果很差。</translation>
        </message>
        <message>
            <source>Last, raw scores (no activation) with `F.cross_entropy`: **89.7 %** again, the very same
number, because `cross_entropy` is `log_softmax` followed by `nll_loss`. Use one or the other on
your own data. To see all heads side by side in one table, with the same seed and batches, use
**Run → Compare output heads…** where your version of the app has it.</source>
            <translation>最后，用原始分数（不加激活）配 `F.cross_entropy`：又是 **89.7 %**，一模一样的数，因为 `cross_entropy` 就是 `log_softmax` 后接 `nll_loss`。在你自己的数据上，两种写法任选其一。要在一张表里并排比较所有输出层，并使用相同的种子和批，请使用 **运行 → Compare output heads…**（比较输出层），如果你的应用版本里有这一项。</translation>
        </message>
        <message>
            <source>PyTorch's first network (64 → 10, log_softmax + NLL, lr 0.5, batch 64, 2 epochs) on handwritten digits, then softmax, sigmoid and tanh in its place.</source>
            <translation>PyTorch 的第一个网络（64 → 10，log_softmax + NLL，lr 0.5，批大小 64，2 轮）在手写数字上训练，再把输出激活换成 softmax、sigmoid 和 tanh。</translation>
        </message>
        <message>
            <source>PyTorch's own first-network tutorial, on the **8×8 handwritten digits** (1,797 images; 20 %,
359 of them, held out for validation). The model is one linear layer, **64 pixels → 10
scores**, followed by `log_softmax`; the loss is the negative log-likelihood `F.nll_loss`; SGD
with **lr 0.5**, batches of **64**, **2 epochs**. The diagram shows the layers as columns: 650
parameters are too many to draw one by one.</source>
            <translation>PyTorch 官网自己的第一个神经网络教程，用在 **8×8 手写数字**上（1,797 张图像；其中 20 %，即 359 张，留作验证集）。模型只有一个线性层，**64 个像素 → 10 个分数**，后接 `log_softmax`；损失是负对数似然 `F.nll_loss`；SGD，**lr 0.5**，批大小 **64**，**2 轮**。图中把各层画成列：650 个参数太多，没法一个一个地画。</translation>
        </message>
        <message>
            <source>The digits experiment</source>
            <translation>手写数字实验</translation>
        </message>
        <message>
            <source>The first batch: **64 images** drawn by the DataLoader. 1,438 training images make **23
batches** per epoch: 22 of 64 and a last one of 30.</source>
            <translation>第一个批：DataLoader 取出的 **64 张图像**。1,438 张训练图像每轮分成 **23 个批**：22 个 64 张的批，最后一个批有 30 张。</translation>
        </message>
        <message>
            <source>The tutorial's 2 epochs: 46 updates. The validation accuracy is **89.7 %**: one linear layer
already reads most digits correctly. Write this number down for the comparison.</source>
            <translation>教程里的 2 轮：46 次更新。验证准确率为 **89.7 %**：一个线性层就已经能认对大多数数字。记下这个数，后面要比较。</translation>
        </message>
        <message>
            <source>zero_grad, the forward pass and the loss, one line per click. `log_softmax` turns the 10
scores into log-probabilities, log pₖ = zₖ − log Σⱼ e^zⱼ, and `nll_loss` takes the mean of
−log p(true digit) over the batch. Together they are exactly the cross-entropy loss. An
untrained model gives every digit about 1/10, so the loss starts near ln 10 ≈ 2.3 (2.37 on the
whole training set).</source>
            <translation>zero_grad、前向传播和损失，每点一次执行一行。`log_softmax` 把 10 个分数变成对数概率 log pₖ = zₖ − log Σⱼ e^zⱼ，`nll_loss` 对整个批取 −log p(真实数字) 的平均值。两者合起来恰好就是交叉熵损失。未训练的模型给每个数字的概率都约为 1/10，所以损失从 ln 10 ≈ 2.3 附近开始（在整个训练集上是 2.37）。</translation>
        </message>
    </context>
    <context>
        <name>lesson:learning_rate</name>
        <message>
            <source>**Exactly right: lr = 0.5.** 1 − 2 × 0.5 = 0: a single step lands on the minimum, x = 0.
(For x² only; on a real loss no single rate does that.)</source>
            <translation>**正好：lr = 0.5。** 1 − 2 × 0.5 = 0：一步就落在极小值 x = 0 上。
（只对 x² 成立；真实的损失函数没有哪个学习率能做到。）</translation>
        </message>
        <message>
            <source>**Far too large: lr = 10.** x is multiplied by −19 each step. We ask for 200 iterations: in
iteration 122 the loss overflows to infinity, so the app stops, says so in the banner, and
keeps the last finite state: 120 iterations done, x ≈ −4.23 × 10¹⁵³. Go back, reset or lower
the learning rate.</source>
            <translation>**大得离谱：lr = 10。** 每一步 x 乘以 −19。我们要求 200 次迭代：在
第 122 次迭代损失溢出为无穷大，于是应用停下来，在横幅中说明，并
保留最后一个有限的状态：已完成 120 次迭代，x ≈ −4.23 × 10¹⁵³。请后退、重置或降低
学习率。</translation>
        </message>
        <message>
            <source>**Large: lr = 0.9.** The factor is −0.8: x jumps across the minimum every step (1.2, −0.96,
**0.768**), yet still shrinks.</source>
            <translation>**较大：lr = 0.9。** 因子为 −0.8：x 每一步都跳过极小值（1.2、−0.96、
**0.768**），但仍在缩小。</translation>
        </message>
        <message>
            <source>**The edge: lr = 1.0.** The factor is −1: x bounces between −1.5 and 1.5 for ever; after 10
iterations it is back at −1.5 and the loss is still 2.25.</source>
            <translation>**临界：lr = 1.0。** 因子为 −1：x 在 −1.5 和 1.5 之间永远来回跳；10 次迭代后
又回到 −1.5，损失仍是 2.25。</translation>
        </message>
        <message>
            <source>**Too large: lr = 1.1.** The factor is −1.2: every step overshoots by more than it corrects.
After 5 iterations x = **3.73248** and the loss has grown from 2.25 to **13.93**. The status
bar reads "loss 9.67 before the step · 13.93 after": 9.67 is what the fifth forward pass
measured at x = −3.1104, 13.93 the loss at x = 3.73248 after the fifth step.</source>
            <translation>**太大：lr = 1.1。** 因子为 −1.2：每一步冲过头的比修正的还多。
5 次迭代后 x = **3.73248**，损失从 2.25 增大到 **13.93**。状态栏显示
“损失：更新前 9.67 · 更新后 13.93”：9.67 是第五次前向传播在 x = −3.1104 处测得的损失，
13.93 是第五次更新后 x = 3.73248 处的损失。</translation>
        </message>
        <message>
            <source>**Too small: lr = 0.01.** Each step keeps 98 % of x; after 50 iterations x is still
**−0.546**. It converges, but slowly.</source>
            <translation>**太小：lr = 0.01。** 每一步保留 x 的 98 %；50 次迭代后 x 仍为
**−0.546**。会收敛，但很慢。</translation>
        </message>
        <message>
            <source>49 more (50 in all): x = −1.5 × 0.8⁵⁰ ≈ −0.0000214. The loss surface tab shows the path sliding
down the curve.</source>
            <translation>再迭代 49 次（共 50 次）：x = −1.5 × 0.8⁵⁰ ≈ −0.0000214。“损失曲面”页显示路径
沿曲线滑下。</translation>
        </message>
        <message>
            <source>Gradient descent on f(x) = x² with six learning rates, up to divergence.</source>
            <translation>用六种学习率对 f(x) = x² 做梯度下降，直到发散。</translation>
        </message>
        <message>
            <source>Learning rate: too small, right, too large</source>
            <translation>学习率：太小、正好、太大</translation>
        </message>
        <message>
            <source>One iteration: x = −1.5 − 0.1 × 2 × (−1.5) = **−1.2**, and the loss drops from 2.25 to 1.44.</source>
            <translation>一次迭代：x = −1.5 − 0.1 × 2 × (−1.5) = **−1.2**，损失从 2.25 降到 1.44。</translation>
        </message>
        <message>
            <source>The parabola f(x) = x² has one parameter x, starting at **x = −1.5**. Its gradient is 2x, so
plain SGD does x ← x − lr·2x = (1 − 2·lr)·x: the learning rate alone decides what happens.
Here lr = 0.1, so each step multiplies x by 0.8.</source>
            <translation>抛物线 f(x) = x² 只有一个参数 x，从 **x = −1.5** 出发。它的梯度是 2x，所以
普通 SGD 执行 x ← x − lr·2x = (1 − 2·lr)·x：结果完全由学习率决定。
这里 lr = 0.1，所以每一步把 x 乘以 0.8。</translation>
        </message>
    </context>
    <context>
        <name>lesson:mazur</name>
        <message>
            <source>**Backward, h1: two paths.** out_h1 feeds both outputs, so its error gathers both:

∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = 0.055399425 − 0.019049118 = **0.036350306**

(with the *original* w5 and w7: no weight has been updated yet).</source>
            <translation>**反向传播，h1：两条路径。** out_h1 同时连到两个输出，所以它的误差来自两处之和：

∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = 0.055399425 − 0.019049118 = **0.036350306**

（用的是 *原来的* w5 和 w7：还没有任何权重被更新）。</translation>
        </message>
        <message>
            <source>**Backward, w1.**

∂E/∂w1 = ∂E/∂out_h1 · ∂out_h1/∂net_h1 · ∂net_h1/∂w1
= 0.036350306 × 0.241300709 × 0.05 = **0.000438568**

It is small: i1 is only 0.05, and the error reached h1 through two sigmoids.</source>
            <translation>**反向传播，w1。**

∂E/∂w1 = ∂E/∂out_h1 · ∂out_h1/∂net_h1 · ∂net_h1/∂w1
= 0.036350306 × 0.241300709 × 0.05 = **0.000438568**

它很小：i1 只有 0.05，而且误差要经过两个 sigmoid 才传到 h1。</translation>
        </message>
        <message>
            <source>**Backward, w5.** `loss.backward()` runs once; the app then shows the gradients in the order
autograd produced them. First the output deltas δ_o1 = 0.138498562 and δ_o2 = −0.038098237,
then w5, by the chain rule:

∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5
= 0.74136507 × 0.186815602 × 0.593269992 = **0.082167041**</source>
            <translation>**反向传播，w5。** `loss.backward()` 只运行一次；应用随后按 autograd 产生梯度的顺序
逐个展示。先是输出层的 δ：δ_o1 = 0.138498562，δ_o2 = −0.038098237，
然后按链式法则得到 w5 的梯度：

∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5
= 0.74136507 × 0.186815602 × 0.593269992 = **0.082167041**</translation>
        </message>
        <message>
            <source>**Forward pass, h1.** The neuron adds its weighted inputs and its bias, then squashes:

net_h1 = w1·i1 + w2·i2 + b = 0.15×0.05 + 0.2×0.1 + 0.35 = **0.3775**

out_h1 = σ(0.3775) = **0.593269992**</source>
            <translation>**前向传播，h1。** 神经元把加权输入与偏置相加，再用 sigmoid 压缩：

net_h1 = w1·i1 + w2·i2 + b = 0.15×0.05 + 0.2×0.1 + 0.35 = **0.3775**

out_h1 = σ(0.3775) = **0.593269992**</translation>
        </message>
        <message>
            <source>**The loss.** E = ½(0.01 − 0.75136507)² + ½(0.99 − 0.772928465)² = **0.298371109**.
o1 is far too high, o2 a little too low.</source>
            <translation>**损失。** E = ½(0.01 − 0.75136507)² + ½(0.99 − 0.772928465)² = **0.298371109**。
o1 远远偏高，o2 略微偏低。</translation>
        </message>
        <message>
            <source>**The update of w1.** `optimizer.step()` applies w ← w − lr·∂E/∂w to every weight:

w1 ← 0.15 − 0.5 × 0.000438568 = **0.149780716**</source>
            <translation>**更新 w1。** `optimizer.step()` 对每个权重执行 w ← w − lr·∂E/∂w：

w1 ← 0.15 − 0.5 × 0.000438568 = **0.149780716**</translation>
        </message>
        <message>
            <source>**The update of w5.** w5 ← 0.4 − 0.5 × 0.082167041 = **0.35891648**: w5 moved far more than w1,
because its gradient is nearly 200 times larger.</source>
            <translation>**更新 w5。** w5 ← 0.4 − 0.5 × 0.082167041 = **0.35891648**：w5 的变化比 w1 大得多，
因为它的梯度大了将近 200 倍。</translation>
        </message>
        <message>
            <source>Mazur's example: one backprop step by hand</source>
            <translation>Mazur 的例子：手算一步反向传播</translation>
        </message>
        <message>
            <source>The forward pass, the loss, the gradients of w5 and w1, and their updates.</source>
            <translation>前向传播、损失、w5 和 w1 的梯度，以及它们的更新。</translation>
        </message>
        <message>
            <source>The iteration is done: all eight weights are updated (w1 = 0.149780716 … w8 = 0.561370121), and
the loss at the new weights is **0.291027774**, down from 0.298371109.

Mazur's post prints 0.291027924 here; that figure comes from computing the hidden deltas with
the already-updated w5…w8. Correct backpropagation, and PyTorch, give 0.291027774.</source>
            <translation>这次迭代完成：八个权重都已更新（w1 = 0.149780716 … w8 = 0.561370121），
新权重下的损失为 **0.291027774**，低于原来的 0.298371109。

Mazur 的原文这里写的是 0.291027924；这个数来自用已更新的 w5…w8 计算隐藏层的 δ。
正确的反向传播（以及 PyTorch）给出的是 0.291027774。</translation>
        </message>
        <message>
            <source>This is Matt Mazur's network: inputs **i1 = 0.05**, **i2 = 0.10**, two hidden neurons h1, h2 and
two outputs o1, o2 with targets **0.01** and **0.99**. The weights start at w1…w8 = 0.15 … 0.55,
the biases at 0.35 (hidden) and 0.60 (output). Both layers use the sigmoid, the loss is
E = Σ ½(target − out)², and SGD updates the weights with learning rate 0.5.

Press **Next** to run the training loop one micro-step at a time.</source>
            <translation>这是 Matt Mazur 的网络：输入 **i1 = 0.05**、**i2 = 0.10**，两个隐藏神经元 h1、h2，
两个输出 o1、o2，目标分别为 **0.01** 和 **0.99**。权重初始为 w1…w8 = 0.15 … 0.55，
偏置为 0.35（隐藏层）和 0.60（输出层）。两层都用 sigmoid，损失为
E = Σ ½(target − out)²，SGD 以学习率 0.5 更新权重。

按 **下一步** 一个微步一个微步地运行训练循环。</translation>
        </message>
        <message>
            <source>`optimizer.zero_grad()` clears every `.grad` first: the diagram shows each gradient as
*cleared*. Without this line, gradients of earlier iterations would be added to the new ones.</source>
            <translation>`optimizer.zero_grad()` 先清空每个 `.grad`：图中每个梯度都显示为
*已清空*。没有这一行，之前迭代的梯度会被加到新的梯度上。</translation>
        </message>
        <message>
            <source>h2 does the same (out_h2 = 0.596884378); then the outputs use the hidden outputs as inputs:

net_o1 = 0.4×0.593269992 + 0.45×0.596884378 + 0.6 = 1.105905967, out_o1 = **0.75136507**

net_o2 = 1.224921404, out_o2 = **0.772928465**</source>
            <translation>h2 也一样（out_h2 = 0.596884378）；然后输出层把隐藏层的输出当作输入：

net_o1 = 0.4×0.593269992 + 0.45×0.596884378 + 0.6 = 1.105905967，out_o1 = **0.75136507**

net_o2 = 1.224921404，out_o2 = **0.772928465**</translation>
        </message>
    </context>
    <context>
        <name>lesson:minibatches</name>
        <message>
            <source>**Batch size 16.** Same network, same seed. The first batch now holds 16 points, and
`loss.backward()` averages their gradients: the batch arrow lands near the middle of the
cloud. The variance of that mean falls like 1/B, so 16 samples make a gradient about four
times less spread (in length) than one.</source>
            <translation>**批大小 16。** 同样的网络，同样的种子。第一个批现在有 16 个点，`loss.backward()` 对它们的梯度取平均：批的箭头落在梯度云的中间附近。这个平均值的方差按 1/B 下降，所以 16 个样本得到的梯度，其散布（按长度计）约为单个样本的四分之一。</translation>
        </message>
        <message>
            <source>**The whole set** (`batch_size = 0`: no DataLoader, all 320 points every iteration). Now one
epoch is **one update**, every iteration sees the same data, and the gradient has no noise at
all. After one epoch the validation loss is still **0.654** (55 % correct): one step, however
exact, does not get far.</source>
            <translation>**整个数据集**（`batch_size = 0`：没有 DataLoader，每次迭代都用全部 320 个点）。现在一轮只有**一次更新**，每次迭代看到的数据都相同，梯度完全没有噪声。一轮之后验证损失仍是 **0.654**（正确率 55 %）：只走一步，再精确也走不远。</translation>
        </message>
        <message>
            <source>**Two moons**: 400 points of two classes. 20 % (80 points) are held out for validation, so
the network (2 → 4 → 2, tanh, cross-entropy, SGD lr 0.5) trains on 320. The code panel now
shows the loop a learner writes: `for xb, yb in loader:` draws the batches from a real
`DataLoader(train_set, batch_size=1, shuffle=True)`.</source>
            <translation>**两个月牙**：400 个点，分两类。其中 20 %（80 个点）留作验证集，所以网络（2 → 4 → 2，tanh，交叉熵，SGD lr 0.5）在 320 个点上训练。代码面板现在显示的是学习者自己会写的循环：`for xb, yb in loader:` 从一个真正的 `DataLoader(train_set, batch_size=1, shuffle=True)` 中取出各个批。</translation>
        </message>
        <message>
            <source>19 more epochs: **20 updates**, the same number batches of 16 made in a single epoch, and the
validation loss is **0.379** again. The full batch paid 20 passes over the data for what
mini-batches did in one. That is why training uses mini-batches: far more updates per pass,
each a little noisy, and the noise averages out over the steps.</source>
            <translation>再训练 19 轮：共 **20 次更新**，与批大小 16 在一轮里做的更新次数相同，验证损失又是 **0.379**。全批量为了小批量一轮就做到的事，付出了 20 遍遍历数据的代价。这就是训练使用小批量的原因：每遍历一次能做多得多的更新，每次更新带一点噪声，而噪声会在多步之间相互抵消。</translation>
        </message>
        <message>
            <source>Mini-batches and noise</source>
            <translation>小批量与噪声</translation>
        </message>
        <message>
            <source>One epoch with batches of 16 is only **20 updates** (320 / 16), yet the validation loss after
it is **0.379**, as low as after 320 single-sample updates (0.385). The loss curve is much
calmer: the 320 small steps partly undid each other, each pulled towards its own point; the 20
averaged steps all pointed roughly downhill for the whole set.</source>
            <translation>批大小为 16 时，一轮只有 **20 次更新**（320 / 16），但之后的验证损失是 **0.379**，和 320 次单样本更新之后（0.385）一样低。损失曲线平稳得多：那 320 小步彼此部分抵消，每一步都被拉向它自己的那个点；而 20 个取过平均的步子都大致朝着整个数据集的下坡方向。</translation>
        </message>
        <message>
            <source>One micro-step: the loader hands over the first **batch**. With `batch_size=1` it is a single
point, chosen at random (the shuffle is seeded, so a learner's own script with the same seed
draws the same one). `xb` has shape (1, 2).</source>
            <translation>一个微步：加载器交出第一个**批**。`batch_size=1` 时它只有一个点，随机选出（打乱顺序用了固定种子，所以学习者自己的脚本用同一个种子会取到同一个点）。`xb` 的形状是 (1, 2)。</translation>
        </message>
        <message>
            <source>Run to the end of the **epoch**: 320 batches of one point, so 320 updates, and every training
point was used exactly once. **One epoch = one pass over the training set.** At the epoch's end
the network is evaluated on the 80 held-out points: validation loss **0.385**, 86 % correct.
The loss plot (the Plots tab beside this panel) is jagged: each point on it is the loss of a
different single sample, so it jumps with the sample drawn, not only with training.</source>
            <translation>一直运行到这一**轮**（epoch）结束：320 个只含一个点的批，也就是 320 次更新，每个训练点恰好用了一次。**一轮 = 把训练集完整遍历一遍。** 在这一轮结束时，网络在 80 个留出的点上评估：验证损失 **0.385**，正确率 86 %。损失图（本面板旁边的“图表”标签页）是锯齿状的：图上的每个点都是另一个样本各自的损失，所以它随抽到的样本跳动，而不只是随训练变化。</translation>
        </message>
        <message>
            <source>The **loss surface** tab, over w1 and w2: the white path of the 320 updates wanders, because
each step went where one sample pointed. For a run with mini-batches the surface also draws
the current batch's **gradient cloud**: one thin arrow per sample, its own step −lr·gᵢ, and a
thick arrow for the batch's step, the mean of them. With a batch of one there is no mean: the
step is whichever arrow was drawn.</source>
            <translation>**损失曲面**标签页，横轴纵轴是 w1 和 w2：320 次更新留下的白色路径弯弯曲曲，因为每一步都走向某一个样本所指的方向。对使用小批量的训练，曲面上还会画出当前批的**梯度云**：每个样本一支细箭头，即它自己的一步 −lr·gᵢ；另有一支粗箭头表示整批的一步，也就是它们的平均。批里只有一个样本时没有平均可言：这一步就是抽到的那支箭头。</translation>
        </message>
        <message>
            <source>The rest of the iteration: zero_grad, forward, loss, backward and step, all on that one
point. The parameters moved towards what **this one point** wants, not what the whole data set
wants. That is **stochastic** gradient descent in its purest form.</source>
            <translation>本次迭代的其余部分：zero_grad、前向、损失、反向和 step，全都只用这一个点。参数朝着**这一个点**想要的方向移动，而不是整个数据集想要的方向。这就是最纯粹的**随机**梯度下降。</translation>
        </message>
        <message>
            <source>Two moons with batches of 1, 16 and the whole set: what a batch is, why the loss gets noisy, one epoch = one pass.</source>
            <translation>在两个月牙数据上分别用 1、16 和整个数据集作为批：什么是批，为什么损失曲线会有噪声，一轮等于遍历一遍数据。</translation>
        </message>
    </context>
    <context>
        <name>lesson:minima_saddles</name>
        <message>
            <source>**A saddle**: f(x, y) = x² − y², starting at (1.5, 0.001). After 20 iterations the point is at
(0.0173, 0.0383), the gradient is nearly zero and the loss barely moves: it looks converged.</source>
            <translation>**鞍点**：f(x, y) = x² − y²，从 (1.5, 0.001) 出发。20 次迭代后点位于
(0.0173, 0.0383)，梯度几乎为零，损失几乎不动：看起来已经收敛。</translation>
        </message>
        <message>
            <source>**Himmelblau's function** has four minima, all with loss 0. SGD (lr 0.01) from (0, 0) runs
200 iterations and ends at **(3, 2)**.</source>
            <translation>**Himmelblau 函数** 有四个极小值，损失都是 0。SGD（lr 0.01）从 (0, 0) 出发，
运行 200 次迭代后停在 **(3, 2)**。</translation>
        </message>
        <message>
            <source>**Rastrigin** is a bowl covered in bumps. SGD (lr 0.002) from (2.2, 1.7) stops after 200
iterations at **(1.99, 1.99)** with loss **7.96**: a local minimum. The global minimum is 0 at
(0, 0).</source>
            <translation>**Rastrigin** 是一个布满凸起的碗。SGD（lr 0.002）从 (2.2, 1.7) 出发，200 次迭代后
停在 **(1.99, 1.99)**，损失 **7.96**：一个局部极小值。全局极小值是 (0, 0) 处的 0。</translation>
        </message>
        <message>
            <source>20 more: y has grown by 1.2 each step, to **1.47**, and the loss is −2.16 and falling: the
origin is a saddle, not a minimum, and the tiny y offset was enough to escape it.</source>
            <translation>再迭代 20 次：y 每一步乘以 1.2，增长到 **1.47**，损失为 −2.16 且还在下降：
原点是鞍点而不是极小值，微小的 y 偏移就足以逃离它。</translation>
        </message>
        <message>
            <source>Its basin map: of 64 × 64 starts, only **36** reach (0, 0); the other 4,060 (dark) stop in
one of the many local minima.</source>
            <translation>它的吸引域图：64 × 64 个起点中只有 **36** 个到达 (0, 0)；其余 4,060 个（深色）停在
众多局部极小值中的某一个。</translation>
        </message>
        <message>
            <source>Local minima and saddle points</source>
            <translation>局部极小值与鞍点</translation>
        </message>
        <message>
            <source>Start with y = **exactly 0** and the gradient in y is exactly 0 for ever: after 100 iterations
the point sits on the saddle, (0.0000000003, 0), loss ≈ 0. A zero gradient does not mean a
minimum.</source>
            <translation>如果从 y = **恰好 0** 出发，y 方向的梯度就永远恰好为 0：100 次迭代后
点停在鞍点上，(0.0000000003, 0)，损失 ≈ 0。梯度为零并不意味着
到达了极小值。</translation>
        </message>
        <message>
            <source>The **basin map** trains 64 × 64 starts at once (off the GUI thread) and colours each by the
minimum it reaches: four basins of 1,054, 1,061, 967 and 1,014 starts; every start reaches
one of them.</source>
            <translation>**吸引域图** 同时训练 64 × 64 个起点（不占用界面线程），并按到达的极小值
给每个起点着色：四个吸引域分别有 1,054、1,061、967 和 1,014 个起点；每个起点
都到达其中之一。</translation>
        </message>
        <message>
            <source>The same from (−1, 0) ends at **(−2.805, 3.131)**: another minimum, just as deep. Gradient
descent only goes downhill from where it is.</source>
            <translation>同样的设置从 (−1, 0) 出发，停在 **(−2.805, 3.131)**：另一个一样深的极小值。
梯度下降只会从所在之处往下走。</translation>
        </message>
        <message>
            <source>Where gradient descent stops depends on where it starts: basins, saddles, traps.</source>
            <translation>梯度下降停在哪里取决于从哪里出发：吸引域、鞍点和陷阱。</translation>
        </message>
    </context>
    <context>
        <name>lesson:momentum_adam</name>
        <message>
            <source>**Adam** (lr 0.05) divides each coordinate's step by a running size of its own gradient, so
steep and flat directions move at similar speeds: loss **0.0000243** after 100 iterations.</source>
            <translation>**Adam**（lr 0.05）把每个坐标的步长除以其梯度的滑动平均大小，所以
陡峭和平坦的方向以相近的速度移动：100 次迭代后损失为 **0.0000243**。</translation>
        </message>
        <message>
            <source>**Adam** (lr 0.05) reaches (0.665, 0.442), loss **0.112**, after 500 iterations: better than
SGD, slower than momentum here. (Given 2,000 iterations, both Adam and momentum reach (1, 1).)</source>
            <translation>**Adam**（lr 0.05）500 次迭代后到达 (0.665, 0.442)，损失 **0.112**：比 SGD 好，
但在这里比动量慢。（给 2,000 次迭代，Adam 和动量都能到达 (1, 1)。）</translation>
        </message>
        <message>
            <source>**Momentum 0.9**, same lr: the velocity averages the alternating y-gradients away and builds
speed along x. After 100 iterations the loss is **0.000207**.</source>
            <translation>**动量 0.9**，学习率不变：速度把正负交替的 y 梯度平均掉，并沿 x 方向
积累速度。100 次迭代后损失为 **0.000207**。</translation>
        </message>
        <message>
            <source>**Rosenbrock**: a curved valley with its minimum at (1, 1). Plain SGD (lr 0.0015) from
(−1.5, 2) drops into the valley fast, then crawls along its flat floor: after 500 iterations
it is at (−0.453, 0.213) with loss **2.117**.</source>
            <translation>**Rosenbrock**：一条弯曲的山谷，极小值在 (1, 1)。普通 SGD（lr 0.0015）从
(−1.5, 2) 出发，很快落入谷中，然后沿平坦的谷底缓慢爬行：500 次迭代后
位于 (−0.453, 0.213)，损失 **2.117**。</translation>
        </message>
        <message>
            <source>Momentum and Adam: valleys and zig-zags</source>
            <translation>动量与 Adam：山谷与之字形</translation>
        </message>
        <message>
            <source>On the ill-conditioned quadratic (100 steps) **Adagrad** leads: its per-coordinate scaling
suits a bowl aligned with the axes. No single optimizer wins everywhere.</source>
            <translation>在病态二次函数上（100 步）**Adagrad** 领先：它按坐标缩放的方式
正适合与坐标轴对齐的碗形。没有哪个优化器处处都赢。</translation>
        </message>
        <message>
            <source>SGD, momentum and Adam on x² + 20y² and on Rosenbrock's valley, then a race.</source>
            <translation>SGD、动量和 Adam 在 x² + 20y² 和 Rosenbrock 山谷上的表现，最后来一场竞赛。</translation>
        </message>
        <message>
            <source>The **optimizer race** runs seven optimizers from the same start. After 500 steps on
Rosenbrock, **Momentum** leads (loss 0.000214); Adam has 0.112, SGD 2.12. Nesterov at this
learning rate overshoots and diverges: its legend says so. Press **Start** to keep racing.</source>
            <translation>**优化器竞赛** 让七个优化器从同一起点出发。在 Rosenbrock 上跑 500 步后，
**动量** 领先（损失 0.000214）；Adam 为 0.112，SGD 为 2.12。Nesterov 在这个
学习率下冲过头并发散：图例中有标注。按 **开始** 继续比赛。</translation>
        </message>
        <message>
            <source>The steep direction caps the learning rate. At lr 0.05 the y factor is exactly −1: after 100
iterations y still bounces at **0.4** and the loss is stuck at **3.2**, although x is almost 0.</source>
            <translation>陡峭的方向限制了学习率。lr 0.05 时 y 的因子恰好为 −1：100 次迭代后
y 仍在 **0.4** 处来回跳，损失卡在 **3.2**，尽管 x 已几乎为 0。</translation>
        </message>
        <message>
            <source>Three more: y flips sign every step (0.256, −0.2048, **0.16384**) while x creeps to
**−1.2343493**: the zig-zag you see on the loss surface.</source>
            <translation>再走三步：y 每一步都变号（0.256、−0.2048、**0.16384**），而 x 缓慢移到
**−1.2343493**：这就是损失曲面上看到的之字形。</translation>
        </message>
        <message>
            <source>With **momentum 0.9** the speed gathered along the floor carries it round the bend: after 500
iterations it is at (0.985, 0.971), loss **0.000214**.</source>
            <translation>有了 **动量 0.9**，沿谷底积累的速度带着它绕过弯道：500 次迭代后
位于 (0.985, 0.971)，损失 **0.000214**。</translation>
        </message>
        <message>
            <source>f(x, y) = x² + 20·y² is **ill-conditioned**: y is 20 times steeper than x. SGD with lr 0.045
from (−1.8, 0.4) multiplies x by 0.91 per step but y by **−0.8**. One step:
(−1.8, 0.4) → (**−1.638**, **−0.32**).</source>
            <translation>f(x, y) = x² + 20·y² 是 **病态的**：y 方向比 x 方向陡 20 倍。SGD 取 lr 0.045，
从 (−1.8, 0.4) 出发，每一步把 x 乘以 0.91，却把 y 乘以 **−0.8**。一步之后：
(−1.8, 0.4) → (**−1.638**, **−0.32**)。</translation>
        </message>
    </context>
    <context>
        <name>lesson:training_loop</name>
        <message>
            <source>Eight more batches, then the last batch of the epoch up to its update. After it come the lines
that run once per epoch: `model.eval()` switches the model to evaluation mode (dropout off,
batch norm uses its running statistics).</source>
            <translation>再跑八个批，然后把这一轮的最后一个批执行到它的更新为止。之后是每轮只运行一次的几行：`model.eval()` 把模型切换到评估模式（dropout 关闭，批归一化改用它的滑动统计量）。</translation>
        </message>
        <message>
            <source>Four lines, one click each: `optimizer.zero_grad()` clears last batch's gradients,
`model(xb)` runs the 32 points forward, the loss is their mean cross-entropy, and
`loss.backward()` fills every parameter's `.grad` with the gradient of that mean.</source>
            <translation>四行代码，每行点一次：`optimizer.zero_grad()` 清除上一个批的梯度，`model(xb)` 让 32 个点做前向传播，损失是它们交叉熵的平均值，`loss.backward()` 把这个平均值的梯度写进每个参数的 `.grad`。</translation>
        </message>
        <message>
            <source>The full training loop</source>
            <translation>完整的训练循环</translation>
        </message>
        <message>
            <source>The loop as it is written in real projects, on two moons (320 training points, 80 held out):
batches of 32, so **10 batches per epoch**, 4 epochs, gradient clipping at norm 0.25, and a
**StepLR** schedule that halves the learning rate after every epoch. Read the code panel: every
line of it is a micro-step here. The learning rate starts at **0.5**.</source>
            <translation>实际项目里写的那种循环，用在两个月牙上（320 个训练点，留出 80 个）：批大小 32，所以**每轮 10 个批**，共 4 轮，梯度按范数 0.25 裁剪，再加一个 **StepLR** 调度器，每轮结束后把学习率减半。看看代码面板：这里每一行都是一个微步。学习率从 **0.5** 开始。</translation>
        </message>
        <message>
            <source>The other three epochs. The learning rate went 0.5, 0.25, 0.125, 0.0625 and is now
**0.03125**. Epoch by epoch, the validation loss fell from 0.489 to **0.393**, and it stays
close to the training loss (0.373), so the network is not memorising its training points. When validation starts rising while training keeps falling,
the network is overfitting: that is what the held-out set is there to notice.</source>
            <translation>剩下的三轮。学习率依次是 0.5、0.25、0.125、0.0625，现在是 **0.03125**。一轮接一轮，验证损失从 0.489 降到 **0.393**，并且一直接近训练损失（0.373），说明网络没有死记它的训练点。如果验证损失开始上升而训练损失还在下降，网络就是在过拟合：留出验证集正是为了发现这一点。</translation>
        </message>
        <message>
            <source>`clip_grad_norm_(model.parameters(), max_norm=0.25)` treats all gradients as one long vector.
Its length here is **0.298**, more than 0.25, so every gradient is multiplied by the same
factor s = 0.25 / (0.298 + 10⁻⁶) = **0.839**: the direction stays, only the step gets shorter.
(When the norm is below max_norm, s = 1 and nothing changes.) Clipping guards against the
rare huge gradient that would throw the parameters far away.</source>
            <translation>`clip_grad_norm_(model.parameters(), max_norm=0.25)` 把所有梯度看成一个长向量。它的长度在这里是 **0.298**，大于 0.25，所以每个梯度都乘以同一个因子 s = 0.25 / (0.298 + 10⁻⁶) = **0.839**：方向不变，只是步子变短。（范数小于 max_norm 时 s = 1，什么都不变。）裁剪是为了防止偶尔出现的巨大梯度把参数甩得很远。</translation>
        </message>
        <message>
            <source>`for xb, yb in loader:` draws the first batch: **32 points**, shuffled with the run's seed.
`model.train()` above it switched the model to training mode (it matters for layers such as
dropout and batch norm; this network has none, so nothing changes yet).</source>
            <translation>`for xb, yb in loader:` 取出第一个批：**32 个点**，按本次运行的种子打乱。它上面的 `model.train()` 把模型切换到训练模式（这对 dropout 和批归一化这类层有影响；这个网络没有这些层，所以暂时什么也没变）。</translation>
        </message>
        <message>
            <source>`optimizer.step()` moves every parameter by −lr × (its clipped gradient), with lr 0.5. Click a
parameter in the diagram: the update formula shows the factor s with the gradient it scaled.</source>
            <translation>`optimizer.step()` 把每个参数移动 −lr ×（它裁剪后的梯度），lr 为 0.5。在图中点一个参数：更新公式里会显示因子 s 以及被它缩放的梯度。</translation>
        </message>
        <message>
            <source>`scheduler.step()`, once per epoch: StepLR multiplies the learning rate by γ = 0.5, so epoch 2
trains with **lr 0.25**. A schedule takes big steps early, while the loss is far from a
minimum, and small ones later, to settle instead of bouncing around it.</source>
            <translation>`scheduler.step()`，每轮一次：StepLR 把学习率乘以 γ = 0.5，所以第 2 轮用 **lr 0.25** 训练。调度器在前期损失离极小值还远时迈大步，后期迈小步，好让参数稳定下来，而不是在极小值附近来回跳。</translation>
        </message>
        <message>
            <source>`with torch.no_grad():` the 80 validation points go forward without building a graph: no
gradients, no update, just a measurement. Epoch 1: the training loss (the mean of the 10 batch
losses) is **0.599**, the validation loss **0.489**. Validation is lower here because the
training mean still includes the first, untrained batches.</source>
            <translation>`with torch.no_grad():` 80 个验证点做前向传播，但不构建计算图：没有梯度，没有更新，只是一次测量。第 1 轮：训练损失（10 个批损失的平均值）为 **0.599**，验证损失为 **0.489**。这里验证损失更低，是因为训练损失的平均值里还包含最初那几个尚未训练的批。</translation>
        </message>
        <message>
            <source>zero_grad, forward, loss, backward, clip_grad_norm_, step, scheduler.step(), then model.eval() and torch.no_grad() at each epoch's end.</source>
            <translation>zero_grad、前向、损失、反向、clip_grad_norm_、step、scheduler.step()，每轮结束时再做 model.eval() 和 torch.no_grad()。</translation>
        </message>
    </context>
    <context>
        <name>lesson:zero_grad</name>
        <message>
            <source>After the second backward pass `w5.grad` = **0.083125235**: the gradient at the new weights,
and nothing else.</source>
            <translation>第二次反向传播后 `w5.grad` = **0.083125235**：正是新权重处的梯度，
没有别的成分。</translation>
        </message>
        <message>
            <source>Every PyTorch training iteration makes three calls:

- `optimizer.zero_grad()` sets every `.grad` back to nothing;
- `loss.backward()` computes ∂E/∂w for every weight and **adds** it to `w.grad`;
- `optimizer.step()` moves each weight using its `.grad` (here w ← w − 0.5·w.grad).

We use Mazur's network again.</source>
            <translation>每次 PyTorch 训练迭代都有三个调用：

- `optimizer.zero_grad()` 把每个 `.grad` 清空；
- `loss.backward()` 为每个权重计算 ∂E/∂w，并把它 **加到** `w.grad` 上；
- `optimizer.step()` 用各自的 `.grad` 移动每个权重（这里是 w ← w − 0.5·w.grad）。

我们再次使用 Mazur 的网络。</translation>
        </message>
        <message>
            <source>Now the same network with **skip zero_grad** switched on (a setting in the Settings panel):
the code panel shows the line commented out. The first iteration is unchanged, because the
gradients start empty: ∂E/∂w5 = 0.082167041 and w5 = 0.35891648.</source>
            <translation>现在打开同一个网络的 **跳过 zero_grad()** 选项（在“设置”面板中）：
代码面板显示这一行被注释掉了。第一次迭代没有变化，因为
梯度一开始就是空的：∂E/∂w5 = 0.082167041，w5 = 0.35891648。</translation>
        </message>
        <message>
            <source>One whole iteration: backward wrote ∂E/∂w5 = **0.082167041** into `w5.grad`, and step used it:
w5 = 0.4 − 0.5 × 0.082167041 = **0.35891648**.</source>
            <translation>完整的一次迭代：backward() 把 ∂E/∂w5 = **0.082167041** 写入 `w5.grad`，step() 用它更新：
w5 = 0.4 − 0.5 × 0.082167041 = **0.35891648**。</translation>
        </message>
        <message>
            <source>The second iteration begins, but nothing clears the gradients: `w5.grad` still holds
0.082167041 from the first iteration.</source>
            <translation>第二次迭代开始了，但没有任何东西清空梯度：`w5.grad` 仍保存着
第一次迭代的 0.082167041。</translation>
        </message>
        <message>
            <source>The second iteration starts with `zero_grad()`: every gradient is shown as *cleared*.</source>
            <translation>第二次迭代从 `zero_grad()` 开始：每个梯度都显示为 *已清空*。</translation>
        </message>
        <message>
            <source>The three calls of every training loop, and gradients that accumulate.</source>
            <translation>每个训练循环的三个调用，以及不断累积的梯度。</translation>
        </message>
        <message>
            <source>With zero_grad, 1,000 iterations bring the loss to **0.001114349**, the outputs moving
steadily towards their targets 0.01 and 0.99.</source>
            <translation>有 zero_grad() 时，1,000 次迭代把损失降到 **0.001114349**，输出稳步
接近目标 0.01 和 0.99。</translation>
        </message>
        <message>
            <source>Without zero_grad the summed gradients only grow, so every step is larger than the last. After
1,000 iterations o1 has been pushed far past its target 0.01, to practically 0, and o2 to 1:
the loss is stuck at **0.0001** (= ½·0.01² + ½·0.01²), and the weights keep growing
(w5 has gone from 0.4 to about −368).
Accumulating on purpose is useful (a large batch in several pieces), but then
zero_grad is called after each step.</source>
            <translation>没有 zero_grad() 时，累加的梯度只会越来越大，每一步都比上一步更大。
1,000 次迭代后，o1 被推过了目标 0.01，几乎为 0，o2 几乎为 1：
损失卡在 **0.0001**（= ½·0.01² + ½·0.01²），权重还在不断增大
（w5 从 0.4 变成了约 −368）。
有意累积梯度是有用的（把一个大批次分成几块计算），但那时
每次 step() 之后都会调用 zero_grad()。</translation>
        </message>
        <message>
            <source>backward **adds** the new gradient to the old one:
w5.grad = 0.082167041 + 0.083125235 = **0.165292276**. The step now uses the sum of every
gradient so far: not the slope of the loss here.</source>
            <translation>backward() 把新梯度 **加到** 旧梯度上：
w5.grad = 0.082167041 + 0.083125235 = **0.165292276**。现在 step() 用的是至今所有梯度之和，
而不是损失在此处的斜率。</translation>
        </message>
        <message>
            <source>zero_grad, backward, step: and without zero_grad</source>
            <translation>zero_grad()、backward()、step()，以及不清零的后果</translation>
        </message>
    </context>
</TS>
